/**
 * The Air Quality Index of HJ 633-2012 and HJ 633-2026, chosen by the period's date:
 * breakpoint tables, exact IAQI, AQI, categories and colours, primary pollutants and the
 * NA rules. Pure functions over concentrations that the caller has already averaged
 * validly ({@link org.lantian.domain.validity}).
 */
@NullMarked
package org.lantian.domain.aqi;

import org.jspecify.annotations.NullMarked;
