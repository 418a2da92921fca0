/**
 * Stack emission limits and their judgement: O₂ correction (GB 13271-2014 式(1)), the
 * effective-dated limit profiles the site catalogue names (GB 13271-2014 表1–3, the
 * coal-power and steel ultra-low limits, GB 16297-1996 and GB 37822-2019 NMHC), the
 * exceedance of a valid hourly mean, exceedance days and the monthly share of compliant
 * hours. Pure functions of their arguments; no clock, I/O or configuration.
 */
@NullMarked
package org.lantian.domain.emission;

import org.jspecify.annotations.NullMarked;
