package org.lantian.warnings.reduction;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.lantian.rules.RuleConditionChanged;
import org.lantian.warnings.CityWarning;
import org.lantian.warnings.Warnings;
import org.lantian.warnings.evaluation.RoundTimer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;

/**
 * Every {@code lantian.warnings.reduction.interval}, verifies each active warning that
 * demands cuts and publishes the {@link RuleConditionChanged}s of {@link ReductionAlerts}
 * (rule {@value ReductionAlerts#RULE}), which the alerts module turns into alerts to
 * bureau and emergency staff over every channel: one per warning and enterprise. Counts
 * rounds and non-compliant enterprise-hours.
 */
final class ReductionMonitor implements SmartLifecycle {

	private static final Logger LOG = LoggerFactory.getLogger(ReductionMonitor.class);

	private final Warnings warnings;

	private final ComplianceService compliance;

	private final ReductionAlerts alerts;

	private final ApplicationEventPublisher events;

	private final ReductionProperties properties;

	private final Clock clock;

	private final Counter rounds;

	private final Counter nonCompliantHours;

	private final Counter failures;

	private final RoundTimer timer = new RoundTimer("warnings-reduction");

	ReductionMonitor(Warnings warnings, ComplianceService compliance, ReductionAlerts alerts,
			ApplicationEventPublisher events, ReductionProperties properties, Clock clock, MeterRegistry registry) {
		this.warnings = warnings;
		this.compliance = compliance;
		this.alerts = alerts;
		this.events = events;
		this.properties = properties;
		this.clock = clock;
		this.rounds = Counter.builder("lantian.warnings.reduction.rounds")
			.description("Emergency-reduction verification rounds over the warnings that demand cuts")
			.register(registry);
		this.nonCompliantHours = Counter.builder("lantian.warnings.reduction.noncompliant.hours")
			.description(
					"Judged enterprise-hours with at least one pollutant above its allowed emission rate, each counted once")
			.register(registry);
		this.failures = Counter.builder("lantian.warnings.reduction.failures")
			.description("Warnings whose verification failed in a round (stack data unreadable)")
			.register(registry);
	}

	/** One round; a warning whose data cannot be read keeps its alerts until the next. */
	void tick() {
		try {
			Set<String> demanding = this.warnings.current()
				.stream()
				.filter((w) -> w.state().demandsEmergencyReduction() && w.id().isPresent())
				.map((w) -> w.id().get())
				.collect(Collectors.toSet());
			List<EpisodeVerification> verified = new ArrayList<>();
			for (String id : demanding) {
				try {
					this.compliance.verify(id).ifPresent(verified::add);
				}
				catch (RuntimeException ex) {
					this.failures.increment();
					LOG.warn("Emergency-reduction verification of {} failed, trying again in {}: {}", id,
							this.properties.interval(), ex.getMessage());
				}
			}
			ReductionAlerts.Round round;
			synchronized (this.alerts) {
				round = this.alerts.next(verified, demanding, this.clock.instant());
			}
			this.rounds.increment();
			this.nonCompliantHours.increment(round.nonCompliantHours());
			for (RuleConditionChanged change : round.changes()) {
				LOG.info("Emergency reduction {} {} {}: {}", change.state(), change.subject(), change.key(),
						change.message());
				this.events.publishEvent(change);
			}
		}
		catch (RuntimeException ex) {
			this.failures.increment();
			LOG.warn("Emergency-reduction round failed, trying again in {}: {}", this.properties.interval(),
					ex.getMessage());
		}
	}

	@Override
	public void start() {
		if (!this.properties.enabled()) {
			LOG.info("Emergency-reduction round off (lantian.warnings.reduction.enabled=false)");
			return;
		}
		this.timer.start(this.properties.interval(), this.properties.interval(), this::tick);
	}

	@Override
	public void stop() {
		this.timer.stop();
	}

	@Override
	public boolean isRunning() {
		return this.timer.isRunning();
	}

}
