/**
 * Notification channels for alert changes: MQTT ({@code lantian/v1/alerts/{siteId}},
 * INTERFACES §3.3), webhooks (JSON POST) and e-mail (SMTP), each on its own thread with a
 * bounded queue and retries, so that a failing channel never blocks the rule engine or
 * the other channels; routes pick who gets what by role, enterprise, city and severity.
 */
@NullMarked
package org.lantian.alerts.channel;

import org.jspecify.annotations.NullMarked;
