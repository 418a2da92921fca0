/**
 * The InfluxDB 1.x adapter of the storage module: line protocol to {@code /write}
 * (precision ms) and InfluxQL on {@code /query} through influxdb-java, a batching writer
 * with a store-and-forward spool on disk, and the query side of
 * {@link org.lantian.storage.ReadingRepository}. Nothing outside this package touches
 * InfluxDB.
 */
@NullMarked
package org.lantian.storage.influx;

import org.jspecify.annotations.NullMarked;
