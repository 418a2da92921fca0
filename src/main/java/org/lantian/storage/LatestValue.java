package org.lantian.storage;

import java.math.BigDecimal;
import java.time.Instant;

import org.lantian.domain.DataFlag;
import org.lantian.domain.Measurand;
import org.lantian.domain.ReadingPeriod;

/**
 * The newest stored value of one measurand at one site.
 */
public record LatestValue(Measurand measurand, Instant time, ReadingPeriod period, BigDecimal value, DataFlag flag) {
}
