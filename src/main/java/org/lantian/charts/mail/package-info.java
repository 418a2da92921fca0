/**
 * Sends each configured city's daily report (日报) by e-mail once a day, over the SMTP
 * server of the alerts' e-mail channel ({@code lantian.alerts.email}).
 */
@NullMarked
package org.lantian.charts.mail;

import org.jspecify.annotations.NullMarked;
