package org.lantian.e2e;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The service's clock in an end-to-end test that runs in simulated time: it stands still
 * until the test sets it. Register it as the {@code @Primary} clock of the test's
 * context: the app's own clock (CatalogueConfiguration,
 * {@code @ConditionalOnMissingBean}) is evaluated before an imported test configuration,
 * so it is defined as well.
 */
final class SimulatedClock extends Clock {

	private volatile Instant now;

	SimulatedClock(Instant now) {
		this.now = now;
	}

	void set(Instant now) {
		this.now = now;
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return this;
	}

	@Override
	public Instant instant() {
		return this.now;
	}

}
