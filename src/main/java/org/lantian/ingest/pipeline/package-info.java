/**
 * The one path of readings into Lantian ({@link org.lantian.ingest.ReadingIntake}):
 * parse, authorise, keep the rejections, store the rest in one call, count. Transports
 * (MQTT, HTTP) only hand payloads over.
 */
@NullMarked
package org.lantian.ingest.pipeline;

import org.jspecify.annotations.NullMarked;
