/**
 * The HJ 212 TCP listener (INTERFACES §4) that enterprises' data loggers connect to: it
 * splits the byte stream into frames, authenticates each by MN and PW, hands the readings
 * to {@link org.lantian.ingest.pipeline.ReadingPipeline} and answers 9014 once they are
 * durable.
 */
@NullMarked
package org.lantian.ingest.tcp;

import org.jspecify.annotations.NullMarked;
