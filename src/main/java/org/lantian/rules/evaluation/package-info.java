/**
 * The rule types as plain Java: each evaluator keeps its state per subject (site or city)
 * and key, is fed readings, events and the passing of time as arguments, and returns the
 * {@link org.lantian.rules.RuleConditionChanged} it decides, with hysteresis on clearing.
 * No Spring, no clock, no I/O; the engine serialises calls per subject.
 */
@NullMarked
package org.lantian.rules.evaluation;

import org.jspecify.annotations.NullMarked;
