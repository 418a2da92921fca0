/**
 * Reads scenario files ({@code simulators/scenarios/*.yaml}) into a
 * {@link org.lantian.simulator.Plan}: which sites to simulate, over which link, from
 * when, how fast, with which scripted events.
 */
@NullMarked
package org.lantian.simulator.scenario;

import org.jspecify.annotations.NullMarked;
