/**
 * Alerts: turns the rule engine's {@link org.lantian.rules.RuleConditionChanged} into at
 * most one open alert per rule, subject and key, with escalation, acknowledgement,
 * resolution and an audit trail of every change, kept in the storage module's
 * {@link org.lantian.storage.AlertJournal}. Publishes {@link AlertChanged}, notifies over
 * MQTT, webhooks and e-mail, and answers through {@link Alerts}.
 */
@ApplicationModule(allowedDependencies = { "domain", "rules", "storage", "warnings" })
@NullMarked
package org.lantian.alerts;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
