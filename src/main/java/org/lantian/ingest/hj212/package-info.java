/**
 * The HJ 212-2017 frame codec (STANDARDS §3): text frames to {@link Hj212Frame}s and
 * back, with the standard's length and CRC checks, and the platform's reply frames. Pure
 * Java: no Spring, no I/O; the TCP listener and the mapping to readings build on it, and
 * the simulator uses the encoder.
 */
@NamedInterface("hj212")
@NullMarked
package org.lantian.ingest.hj212;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
