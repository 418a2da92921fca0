/**
 * The annual air-quality scorecard of a city or region against its targets (SEEDS-BRIEF
 * §2.1, §2.4): good-days and heavy-days ratios over effective days with an explicit
 * rounding rule, sand-dust deduction, the remaining day budget, and annual PM2.5 / PM10
 * means and percentiles with their GB 3095 表4 validity (HJ 663-2013). Pure functions of
 * the daily results they are given; no clock.
 */
@NullMarked
package org.lantian.domain.evaluation;

import org.jspecify.annotations.NullMarked;
