/**
 * Valid averages per GB 3095-2026 表4 (GB 3095-2012 表4): hourly means from minute values
 * and samples, daily and 24-hour moving means, O₃ 8-hour means and the daily maximum
 * 8-hour mean. Only values flagged {@code N} count; too few valid values is a result,
 * never an exception.
 */
@NullMarked
package org.lantian.domain.validity;

import org.jspecify.annotations.NullMarked;
