package org.lantian.infra;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that stands still until the test sets or advances it: for unit tests of code
 * that reads the time, and as the {@code @Primary} clock of an end-to-end test that runs
 * Lantian in simulated time (the app's own clock, CatalogueConfiguration's
 * {@code @ConditionalOnMissingBean}, is evaluated before an imported test configuration,
 * so it is defined as well).
 */
public final class SettableClock extends Clock {

	private volatile Instant now;

	public SettableClock(Instant now) {
		this.now = now;
	}

	public void set(Instant now) {
		this.now = now;
	}

	public void advance(Duration duration) {
		this.now = this.now.plus(duration);
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
