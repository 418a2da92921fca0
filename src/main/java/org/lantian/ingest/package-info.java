/**
 * Turns what devices send (JSON readings over MQTT or HTTP; later HJ 212 frames) into
 * validated {@link org.lantian.domain.Reading}s, hands them to the durable
 * {@link ReadingStore} and keeps every rejection, with its reason, in the dead letters.
 * Knows nothing of InfluxDB.
 */
@ApplicationModule(allowedDependencies = "domain")
@NullMarked
package org.lantian.ingest;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
