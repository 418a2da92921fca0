package org.lantian.storage;

import java.math.BigDecimal;
import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.lantian.domain.DataFlag;

/**
 * One point of a series. For raw steps {@code start == end} is the reading's time and
 * {@code flag} its flag; for aggregate steps [{@code start}, {@code end}) is the bucket,
 * {@code value} the mean of its normal (N) values or {@code null} if there were none,
 * {@code count} how many entered the mean, and {@code flag} is null.
 */
public record SeriesPoint(Instant start, Instant end, @Nullable BigDecimal value, @Nullable DataFlag flag, int count) {
}
