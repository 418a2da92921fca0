/**
 * Pure renderers: chart data in, PNG bytes out, headless, without Spring or web types.
 */
@NullMarked
package org.lantian.charts.render;

import org.jspecify.annotations.NullMarked;
