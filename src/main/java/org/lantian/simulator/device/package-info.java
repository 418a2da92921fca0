/**
 * What a simulated device does with its samples, without I/O: averages them into minute
 * and hour values, writes them as JSON readings or HJ 212 frames, and keeps the frames it
 * still owes an answer for.
 */
@NullMarked
package org.lantian.simulator.device;

import org.jspecify.annotations.NullMarked;
