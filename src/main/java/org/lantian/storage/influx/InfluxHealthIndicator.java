package org.lantian.storage.influx;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * The {@code influx} component of {@code /actuator/health}: UP when InfluxDB answers
 * {@code /ping}, DOWN otherwise. While it is DOWN readings are still accepted into the
 * spool, so the details show how much waits there.
 */
final class InfluxHealthIndicator implements HealthIndicator {

	private final InfluxHttp influx;

	private final Spool spool;

	InfluxHealthIndicator(InfluxHttp influx, Spool spool) {
		this.influx = influx;
		this.spool = spool;
	}

	@Override
	public Health health() {
		Health.Builder health;
		try {
			health = Health.up().withDetail("version", this.influx.ping());
		}
		catch (RuntimeException ex) {
			health = Health.down().withDetail("error", String.valueOf(ex.getMessage()));
		}
		return health.withDetail("database", this.influx.database())
			.withDetail("spoolDepth", this.spool.points())
			.withDetail("spoolSegments", this.spool.segments())
			.build();
	}

}
