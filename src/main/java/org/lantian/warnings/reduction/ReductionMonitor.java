package org.lantian.warnings.reduction;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.lantian.domain.warning.reduction.ReductionEntry;
import org.lantian.domain.warning.reduction.ReductionList;
import org.lantian.rules.RuleConditionChanged;
import org.lantian.storage.AlertJournal;
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

	private final AlertJournal journal;

	private final ReductionList reductions;

	/** Whether the open alerts left by an earlier run have been checked. */
	private boolean reconciled;

	ReductionMonitor(Warnings warnings, ComplianceService compliance, ReductionAlerts alerts,
			ApplicationEventPublisher events, ReductionProperties properties, Clock clock, MeterRegistry registry,
			AlertJournal journal, ReductionList reductions) {
		this.warnings = warnings;
		this.journal = journal;
		this.reductions = reductions;
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
			List<CityWarning> cutting = this.warnings.current()
				.stream()
				.filter((w) -> w.state().demandsEmergencyReduction() && w.id().isPresent())
				.toList();
			Set<String> demanding = cutting.stream().map((w) -> w.id().get()).collect(Collectors.toSet());
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
			List<RuleConditionChanged> orphans = List.of();
			synchronized (this.alerts) {
				round = this.alerts.next(verified, demanding, this.clock.instant());
				if (!this.reconciled && verified.size() == demanding.size()) {
					orphans = orphans(cutting);
				}
			}
			orphans.forEach(this.events::publishEvent);
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

	/**
	 * Once after the start: the open alerts an earlier run left for warnings that no
	 * longer demand cuts, to be cleared; none while the journal cannot be read (tried
	 * again next round).
	 */
	private List<RuleConditionChanged> orphans(List<CityWarning> cutting) {
		try {
			List<RuleConditionChanged> orphans = this.alerts.orphans(this.journal.unresolved(), covered(cutting),
					this.clock.instant());
			this.reconciled = true;
			return orphans;
		}
		catch (RuntimeException ex) {
			LOG.warn("Open emergency-reduction alerts not read from the alert journal, trying again next round: {}",
					ex.getMessage());
			return List.of();
		}
	}

	/** The alert subjects of the enterprises listed in the cities that must cut now. */
	private Set<String> covered(List<CityWarning> cutting) {
		Set<String> stacks = new HashSet<>();
		for (CityWarning warning : cutting) {
			for (ReductionEntry entry : this.reductions.entriesOf(warning.state().region())) {
				stacks.add(entry.stacks().get(0).site().value());
			}
		}
		return stacks;
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
