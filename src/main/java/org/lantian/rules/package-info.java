/**
 * The rule engine: rules as configuration a bureau engineer can read and change,
 * evaluated as readings arrive (and on the air-quality events), deciding what breaks a
 * limit or looks wrong. Publishes {@link RuleConditionChanged} when a rule's condition
 * for a site and key becomes active or clears; the alerts module turns those into alerts.
 */
@ApplicationModule(allowedDependencies = { "domain", "ingest", "storage", "airquality" })
@NullMarked
package org.lantian.rules;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
