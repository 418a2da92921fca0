/**
 * Runs a plan: samples every point on the plan's schedule (real time or faster), hands
 * the samples and their minute and hour values to the links, logs progress, and stops
 * cleanly; and makes the synthetic plans of the load mode.
 */
@NullMarked
package org.lantian.simulator.run;

import org.jspecify.annotations.NullMarked;
