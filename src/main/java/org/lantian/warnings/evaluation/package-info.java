/**
 * The warning engine: the latest forecast and the warning state of each city, graded on
 * each forecast and periodically with the observed rolling 24-hour AQI, stored in the
 * warning journal and rebuilt from it at start.
 */
@NullMarked
package org.lantian.warnings.evaluation;

import org.jspecify.annotations.NullMarked;
