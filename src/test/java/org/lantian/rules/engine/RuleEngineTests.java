package org.lantian.rules.engine;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lantian.domain.DataFlag;
import org.lantian.domain.Enterprise;
import org.lantian.domain.Measurand;
import org.lantian.domain.Measurement;
import org.lantian.domain.Reading;
import org.lantian.domain.ReadingPeriod;
import org.lantian.domain.Site;
import org.lantian.domain.SiteCatalogue;
import org.lantian.domain.SiteId;
import org.lantian.domain.SiteKind;
import org.lantian.infra.SettableClock;
import org.lantian.ingest.ReadingsReceived;
import org.lantian.ingest.Transport;
import org.lantian.rules.RuleConditionChanged.State;
import org.lantian.rules.ExternalRule;
import org.lantian.rules.RuleConditionChanged;
import org.lantian.rules.Severity;
import org.lantian.storage.AlertJournal;
import org.lantian.storage.AlertRecord;
import org.lantian.storage.LatestValue;
import org.lantian.storage.ReadingRepository;
import org.lantian.storage.SeriesPoint;
import org.lantian.storage.SeriesQuery;
import org.lantian.storage.StorageUnavailableException;

import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.core.io.DefaultResourceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The engine with real evaluators, a rules file on disk, and small in-memory stand-ins of
 * the storage module's query interfaces ({@link ReadingRepository},
 * {@link AlertJournal}): reloading the file, and rebuilding rule state on start. One
 * lane, so that a later reading's condition shows that every earlier task ran.
 */
class RuleEngineTests {

	static final Instant NOW = Instant.parse("2026-01-15T04:00:00Z");

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	static final Site STACK = new Site(SiteId.of("BM-POWER-1"), "电厂1号烟囱", SiteKind.STACK, "巴彦淖尔市", "临河区", null, null,
			true, new Enterprise("BM-POWER", "电厂"), "power", "coal", new BigDecimal("6"), "ultra-low-coal-power", null);

	static final String RULES = """
			rules:
			  - id: nh3-slip
			    type: threshold
			    severity: high
			    appliesTo: { kinds: [stack] }
			    parameters: { key: nh3, above: 8 }
			  - id: so2-high
			    type: threshold
			    severity: medium
			    appliesTo: { kinds: [stack] }
			    parameters: { key: so2, above: 100 }
			  - id: heavy-day
			    type: heavy-pollution-day
			    severity: critical
			""";

	@TempDir
	Path dir;

	final List<RuleConditionChanged> published = new CopyOnWriteArrayList<>();

	final List<Reading> stored = new ArrayList<>();

	final List<AlertRecord> journal = new ArrayList<>();

	final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	final SettableClock clock = new SettableClock(NOW);

	final StaticListableBeanFactory beans = new StaticListableBeanFactory();

	boolean journalDown;

	Path file;

	RuleEngine engine;

	@AfterEach
	void stop() {
		if (this.engine != null) {
			this.engine.stop();
		}
	}

	@Test
	void aChangedFileTakesEffectWithoutRestartAndUnchangedRulesKeepTheirState() throws IOException {
		start(RULES);
		receive(NOW, Measurand.NH3, "9.0");
		awaitPublished(1);

		rewrite(RULES.replace("above: 100", "above: 50"));
		this.engine.reloadIfChanged();

		assertThat(this.registry.counter("lantian.rules.reloads", "outcome", "applied").count()).isEqualTo(1);
		receive(NOW.plusSeconds(60), Measurand.NH3, "9.5"); // nh3-slip kept its state:
															// not raised again
		receive(NOW.plusSeconds(120), Measurand.SO2, "60"); // above the new 50, not the
															// old 100
		awaitPublished(2);
		assertThat(this.published).extracting(RuleConditionChanged::rule, RuleConditionChanged::state)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("nh3-slip", State.ACTIVE),
					org.assertj.core.groups.Tuple.tuple("so2-high", State.ACTIVE));
		assertThat(this.published.get(1).threshold()).isEqualByComparingTo("50");
	}

	@Test
	void anInvalidFileIsRefusedAndTheRulesInForceStay() throws IOException {
		start(RULES);
		rewrite(RULES.replace("above: 100", "above: a-hundred"));
		this.engine.reloadIfChanged();

		assertThat(this.registry.counter("lantian.rules.reloads", "outcome", "refused").count()).isEqualTo(1);
		assertThat(this.registry.counter("lantian.rules.reloads", "outcome", "applied").count()).isZero();
		receive(NOW, Measurand.SO2, "101");
		awaitPublished(1);
		assertThat(this.published.get(0).rule()).isEqualTo("so2-high");
		assertThat(this.published.get(0).threshold()).isEqualByComparingTo("100");
	}

	@Test
	void aRemovedRuleHasItsActiveConditionsPublishedCleared() throws IOException {
		start(RULES);
		receive(NOW, Measurand.NH3, "9.0");
		awaitPublished(1);

		rewrite(RULES.replace("""
				  - id: nh3-slip
				    type: threshold
				    severity: high
				    appliesTo: { kinds: [stack] }
				    parameters: { key: nh3, above: 8 }
				""", ""));
		this.engine.reloadIfChanged();

		awaitPublished(2);
		RuleConditionChanged retired = this.published.get(1);
		assertThat(retired.rule()).isEqualTo("nh3-slip");
		assertThat(retired.subject()).isEqualTo(STACK.id().value());
		assertThat(retired.state()).isEqualTo(State.CLEARED);
		assertThat(retired.message()).contains("removed");
		assertThat(this.engine.activeByRule()).doesNotContainKey("nh3-slip");
	}

	@Test
	void aConditionOpenAtTheRestartIsNotRaisedAgainAndClearsWhenItsDataDo() throws IOException {
		store(NOW.minusSeconds(600), Measurand.NH3, "9.0");
		open("nh3-slip", "nh3", Severity.HIGH);
		start(RULES);

		receive(NOW.plusSeconds(60), Measurand.NH3, "9.5");
		receive(NOW.plusSeconds(120), Measurand.NH3, "5.0"); // ≤ 8 × (1 − 0.05)
		awaitPublished(1);
		assertThat(this.published.get(0).state()).isEqualTo(State.CLEARED);
		assertThat(this.published.get(0).rule()).isEqualTo("nh3-slip");
		assertThat(this.published.get(0).severity()).isEqualTo(Severity.HIGH);
	}

	@Test
	void aConditionOpenInTheJournalButOlderThanTheStoredReadingsStillClears() throws IOException {
		// raised four hours ago, beyond the 2 h replayed: only the journal knows it
		open("nh3-slip", "nh3", Severity.HIGH);
		start(RULES);

		receive(NOW.plusSeconds(60), Measurand.NH3, "7.0");
		awaitPublished(1);
		assertThat(this.published.get(0).state()).isEqualTo(State.CLEARED);
		assertThat(this.published.get(0).value()).isEqualByComparingTo("7.0");
	}

	@Test
	void aConditionTheReplayFindsWithoutAnOpenAlertIsRaisedIfItStillHolds() throws IOException {
		// e.g. its alert was resolved, or its raise was lost with the process
		store(NOW.minusSeconds(600), Measurand.NH3, "9.0");
		start(RULES);

		receive(NOW.plusSeconds(60), Measurand.NH3, "9.5");
		awaitPublished(1);
		assertThat(this.published.get(0).state()).isEqualTo(State.ACTIVE);
		assertThat(this.published.get(0).value()).isEqualByComparingTo("9.5");
	}

	@Test
	void aDeviceHourlyValueStoredBeforeTheRestartIsJudgedWhenItsHourCloses() throws IOException {
		String rules = RULES + """
				  - id: stack-hourly-exceedance
				    type: hourly-exceedance
				    severity: high
				    appliesTo: { kinds: [stack] }
				    parameters: { keys: [so2] }
				""";
		// 11:00–12:00 local: the device's hourly SO₂ 20 mg/m³ at 6 % O₂, the reference
		// O₂, so
		// 20 as corrected; ultra-low coal power SO₂ limit 35 mg/m³ (STANDARDS §5.3), 20 ≤
		// 35 × 0.95
		Instant hour = NOW.minus(Duration.ofHours(1));
		this.stored.add(new Reading(STACK.id(), hour, ReadingPeriod.HOUR, Map.of(Measurand.SO2,
				Measurement.of("20", DataFlag.N), Measurand.O2, Measurement.of("6", DataFlag.N))));
		open("stack-hourly-exceedance", "so2", Severity.HIGH);
		start(rules);

		receive(NOW.plusSeconds(60), Measurand.SO2, "21"); // the first reading of 12:00
															// closes 11:00
		awaitPublished(1);
		RuleConditionChanged cleared = this.published.get(0);
		assertThat(cleared.rule()).isEqualTo("stack-hourly-exceedance");
		assertThat(cleared.state()).isEqualTo(State.CLEARED);
		assertThat(cleared.at()).isEqualTo(hour);
		assertThat(cleared.value()).isEqualByComparingTo("20");
		assertThat(cleared.threshold()).isEqualByComparingTo("35");
	}

	@Test
	void withoutTheJournalTheReplayedStateStands() throws IOException {
		this.journalDown = true;
		store(NOW.minusSeconds(600), Measurand.NH3, "9.0");
		start(RULES);

		receive(NOW.plusSeconds(60), Measurand.NH3, "9.5"); // active since the replay:
															// not raised
		receive(NOW.plusSeconds(120), Measurand.NH3, "5.0");
		awaitPublished(1);
		assertThat(this.published.get(0).state()).isEqualTo(State.CLEARED);
	}

	@Test
	void anOpenConditionOfARuleNoLongerInTheFileIsPublishedClearedAtStart() throws IOException {
		open("stack-so2-flat-line", "so2", Severity.MEDIUM);
		start(RULES);

		awaitPublished(1);
		assertThat(this.published.get(0).rule()).isEqualTo("stack-so2-flat-line");
		assertThat(this.published.get(0).state()).isEqualTo(State.CLEARED);
		assertThat(this.published.get(0).message()).contains("no longer in the rules file");
	}

	@Test
	void anOpenConditionOfARuleAnotherModulePublishesIsLeftAloneAtStart() throws IOException {
		this.beans.addBean("emergencyReductionRule", new ExternalRule("emergency-reduction"));
		open("emergency-reduction", "emission-cut", Severity.HIGH);
		open("stack-so2-flat-line", "so2", Severity.MEDIUM);
		start(RULES);

		awaitPublished(1);
		// both would be published by the same start, at once
		assertThat(this.published).extracting(RuleConditionChanged::rule).containsExactly("stack-so2-flat-line");
	}

	@Test
	void anEventConditionOpenAtTheRestartClearsADayAndTheSlackLaterUnlessAnnouncedAgain() throws IOException {
		open("heavy-day", "巴彦淖尔市", "aqi", Severity.CRITICAL);
		start(RULES);

		this.clock.set(NOW.plus(Duration.ofHours(25).plusMinutes(59)));
		this.engine.tick();
		receive(NOW.plusSeconds(60), Measurand.NH3, "9.0"); // one lane: published after
															// the tick ran
		awaitPublished(1);
		assertThat(this.published.get(0).rule()).isEqualTo("nh3-slip");
		this.clock.set(NOW.plus(Duration.ofHours(26)));
		this.engine.tick();
		awaitPublished(2);
		RuleConditionChanged cleared = this.published.get(1);
		assertThat(cleared.rule()).isEqualTo("heavy-day");
		assertThat(cleared.state()).isEqualTo(State.CLEARED);
		assertThat(cleared.subject()).isEqualTo("巴彦淖尔市");
		assertThat(cleared.at()).isEqualTo(NOW.plus(Duration.ofHours(26)));
	}

	private void start(String rules) throws IOException {
		this.file = this.dir.resolve("rules.yaml");
		Files.writeString(this.file, rules, StandardCharsets.UTF_8);
		Files.setLastModifiedTime(this.file, FileTime.from(NOW.minusSeconds(3600)));
		RulesProperties properties = new RulesProperties(this.file.toString(), Duration.ofHours(1), Duration.ofHours(1),
				1, 100, Duration.ofHours(2));
		this.engine = new RuleEngine(properties, SiteCatalogue.of(List.of(STACK)), ZONE, this.clock,
				(event) -> this.published.add((RuleConditionChanged) event), new StoredReadings(),
				new DefaultResourceLoader(), this.registry, new Journal(),
				this.beans.getBeanProvider(ExternalRule.class));
		this.engine.start();
	}

	private void rewrite(String rules) throws IOException {
		Files.writeString(this.file, rules, StandardCharsets.UTF_8);
		Files.setLastModifiedTime(this.file, FileTime.from(NOW));
	}

	private void receive(Instant at, Measurand key, String value) {
		this.engine.on(new ReadingsReceived(Transport.MQTT, List.of(reading(at, key, value))));
	}

	private void store(Instant at, Measurand key, String value) {
		this.stored.add(reading(at, key, value));
	}

	private void open(String rule, String key, Severity severity) {
		open(rule, STACK.id().value(), key, severity);
	}

	/** An alert raised four hours ago by the rules, escalated by the timer since. */
	private void open(String rule, String subject, String key, Severity severity) {
		String id = "alert-" + rule;
		Instant raised = NOW.minus(Duration.ofHours(4));
		this.journal.add(new AlertRecord(id, 1, "raised", raised, "rules", null, rule, subject, null, null, key, "open",
				severity.key(), raised, null, null, "raised"));
		this.journal.add(new AlertRecord(id, 2, "escalated", raised.plusSeconds(1800), "escalation", null, rule,
				subject, null, null, key, "open", "critical", raised, null, null, "raised"));
	}

	private static Reading reading(Instant at, Measurand key, String value) {
		return new Reading(STACK.id(), at, ReadingPeriod.SAMPLE, Map.of(key, Measurement.of(value, DataFlag.N)));
	}

	private void awaitPublished(int count) {
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(this.published).hasSize(count));
	}

	/** The stored readings, answering as the storage module does for raw series. */
	private final class StoredReadings implements ReadingRepository {

		@Override
		public Map<Measurand, LatestValue> latest(SiteId site) {
			Map<Measurand, LatestValue> latest = new EnumMap<>(Measurand.class);
			for (Reading reading : RuleEngineTests.this.stored) {
				reading.values()
					.forEach((key, m) -> latest.merge(key,
							new LatestValue(key, reading.time(), reading.period(), m.value(), m.flag()),
							(a, b) -> a.time().isAfter(b.time()) ? a : b));
			}
			return latest;
		}

		@Override
		public Map<Measurand, List<SeriesPoint>> series(SeriesQuery query) {
			Map<Measurand, List<SeriesPoint>> series = new EnumMap<>(Measurand.class);
			query.measurands().forEach((key) -> series.put(key, new ArrayList<>()));
			for (Reading reading : RuleEngineTests.this.stored) {
				if (reading.period() == query.period() && !reading.time().isBefore(query.from())
						&& reading.time().isBefore(query.to())) {
					reading.values().forEach((key, m) -> {
						if (series.containsKey(key)) {
							series.get(key)
								.add(new SeriesPoint(reading.time(), reading.time(), m.value(), m.flag(), 1));
						}
					});
				}
			}
			return series;
		}

	}

	private final class Journal implements AlertJournal {

		@Override
		public void append(List<AlertRecord> records) {
			RuleEngineTests.this.journal.addAll(records);
		}

		@Override
		public List<AlertRecord> unresolved() {
			if (RuleEngineTests.this.journalDown) {
				throw new StorageUnavailableException("connection refused", new IOException("refused"));
			}
			return List.copyOf(RuleEngineTests.this.journal);
		}

		@Override
		public List<AlertRecord> raisedBetween(Instant from, Instant to) {
			return List.of();
		}

		@Override
		public List<AlertRecord> alert(String id) {
			return List.of();
		}

	}

}
