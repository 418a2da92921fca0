/**
 * Receives JSON readings over MQTT (Paho mqttv3 1.2.5) with a persistent session, QoS 1
 * and manual acknowledgements sent only once the readings are durable. A thin adapter
 * around {@link org.lantian.ingest.pipeline.ReadingPipeline}.
 */
@NullMarked
package org.lantian.ingest.mqtt;

import org.jspecify.annotations.NullMarked;
