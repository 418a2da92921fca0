/**
 * Heavy-pollution weather warnings (重污染天气预警, STANDARDS §4): city daily AQI forecasts, the
 * effective-dated grading schemes (MEE 2024, 2019 three-level, 2017 four-level) with
 * region overrides, the per-city warning state machine (raise, upgrade, downgrade,
 * release), joint zones raised together, and the episode's driver. Pure functions of
 * their arguments: the instant and the data are always passed in; no clock or I/O.
 */
@NullMarked
package org.lantian.domain.warning;

import org.jspecify.annotations.NullMarked;
