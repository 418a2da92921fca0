/**
 * The alert lifecycle: the pure {@link org.lantian.alerts.lifecycle.AlertBook}
 * (deduplication, escalation, acknowledgement, resolution, audit trail) and the service
 * around it that listens to the rule engine, journals every change and rebuilds the
 * unresolved alerts from the journal on start.
 */
@NullMarked
package org.lantian.alerts.lifecycle;

import org.jspecify.annotations.NullMarked;
