/**
 * GB 3095 ambient concentration limits (2012; 2026 transition to 2030-12-31 and final
 * from 2031-01-01) by zone class and averaging time, and the judgement whether a valid
 * value exceeds the limit that applies to a site on a date.
 */
@NullMarked
package org.lantian.domain.ambient;

import org.jspecify.annotations.NullMarked;
