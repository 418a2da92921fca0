package org.lantian.warnings.evaluation;

import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lantian.catalogue.WarningsFile;
import org.lantian.domain.warning.AqiForecast;
import org.lantian.domain.warning.EpisodeDriver;
import org.lantian.domain.warning.ForecastDay;
import org.lantian.domain.warning.ObservedAqi;
import org.lantian.domain.warning.WarningLevel;
import org.lantian.domain.warning.WarningRules;
import org.lantian.domain.warning.WarningTransition;
import org.lantian.storage.WarningJournal.WarningChange;
import org.lantian.warnings.CityWarning;
import org.lantian.warnings.WarningEpisode;
import org.lantian.warnings.WarningLevelChanged;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One grading round over the cities, with the bundled warnings file (Inner Mongolia on
 * MEE 2024 from 2024-04-25, 内政办发〔2024〕17号; docs/warnings.md) and the real domain.
 */
class WarningBookTests {

	private static final LocalDate TODAY = LocalDate.of(2026, 1, 15);

	private static final Instant NOW = Instant.parse("2026-01-15T02:00:00Z");

	private WarningRules rules;

	private WarningBook book;

	@BeforeEach
	void bundledRules() throws Exception {
		try (InputStream in = getClass().getResourceAsStream("/warnings/warnings.yaml")) {
			this.rules = WarningsFile.read(in, "bundled");
		}
		this.book = new WarningBook(this.rules);
	}

	@Test
	void twoForecastDaysAbove200RaiseOrangeUnderMee2024WithTheDaysAsData() {
		this.book.accept(forecast("包头市", NOW, 230, 240, 180));

		List<WarningLevelChanged> changes = this.book.evaluate(NOW, TODAY, (city) -> Optional.empty());

		// MEE 2024 (STANDARDS §4.1): orange = daily AQI > 200 for 48 h
		assertThat(changes).hasSize(1);
		WarningTransition raised = changes.get(0).transition();
		assertThat(raised.kind()).isEqualTo(WarningTransition.Kind.RAISED);
		assertThat(raised.to()).isEqualTo(WarningLevel.ORANGE);
		assertThat(changes.get(0).warningId()).isEqualTo("包头市-" + NOW.toEpochMilli());
		CityWarning warning = this.book.warning("包头市");
		assertThat(warning.state().basis().get().schemeId()).isEqualTo("mee-2024");
		assertThat(warning.state().basis().get().evidence()).extracting((d) -> d.aqi()).containsExactly(230, 240);
		assertThat(warning.state().since()).contains(NOW);
	}

	@Test
	void oneDayAbove200IsYellow() {
		// MEE 2024 yellow "预测日AQI>200" (docs/warnings.md interpretation 1)
		this.book.accept(forecast("包头市", NOW, 201, 120, 100));

		assertThat(this.book.evaluate(NOW, TODAY, (city) -> Optional.empty())).singleElement()
			.satisfies((c) -> assertThat(c.transition().to()).isEqualTo(WarningLevel.YELLOW));
	}

	@Test
	void aJointZoneMemberWithAForecastIsRaisedWithTheLeader() {
		this.book.accept(forecast("包头市", NOW, 230, 240, 180));
		this.book.accept(forecast("呼和浩特市", NOW, 120, 130, 110));

		List<WarningLevelChanged> changes = this.book.evaluate(NOW, TODAY, (city) -> Optional.empty());

		assertThat(changes).extracting(WarningLevelChanged::city).containsExactlyInAnyOrder("包头市", "呼和浩特市");
		CityWarning hohhot = this.book.warning("呼和浩特市");
		assertThat(hohhot.state().level()).isEqualTo(WarningLevel.ORANGE);
		assertThat(hohhot.state().basis().get().jointZone().get().leader()).isEqualTo("包头市");
		assertThat(hohhot.state().basis().get().jointZone().get().zone()).isEqualTo("呼包巴达准");
	}

	@Test
	void aForecastBelowYellowForTwoDaysReleasesAndKeepsTheEpisodeId() {
		this.book.accept(forecast("包头市", NOW, 230, 240, 180));
		String id = this.book.evaluate(NOW, TODAY, (city) -> Optional.empty()).get(0).warningId();
		Instant later = NOW.plus(Duration.ofDays(2));
		this.book.accept(forecast("包头市", later, 120, 110, 90));

		List<WarningLevelChanged> changes = this.book.evaluate(later, TODAY.plusDays(2), (city) -> Optional.empty());

		// Yangzhou 2026 (STANDARDS §4.1): below yellow and forecast so for ≥ 36 h → 解除
		assertThat(changes).singleElement().satisfies((c) -> {
			assertThat(c.transition().kind()).isEqualTo(WarningTransition.Kind.RELEASED);
			assertThat(c.warningId()).isEqualTo(id);
		});
		assertThat(this.book.warning("包头市").state().level()).isEqualTo(WarningLevel.NONE);
		assertThat(this.book.warning("包头市").id()).contains(id);
		// the episode keeps its history for the compliance report: raised at NOW,
		// released later
		WarningEpisode episode = this.book.episode(id).orElseThrow();
		assertThat(episode.changes()).extracting(WarningTransition::kind)
			.containsExactly(WarningTransition.Kind.RAISED, WarningTransition.Kind.RELEASED);
		assertThat(episode.start()).isEqualTo(NOW);
		assertThat(episode.released()).contains(later);
		assertThat(episode.stateAt(NOW.plusSeconds(3600)).orElseThrow().level()).isEqualTo(WarningLevel.ORANGE);
		assertThat(this.book.episode("包头市-1")).isEmpty();
	}

	@Test
	void oneForecastDayBelowYellowLeavesTheReleasePending() {
		this.book.accept(forecast("包头市", NOW, 230, 240, 180));
		this.book.evaluate(NOW, TODAY, (city) -> Optional.empty());
		Instant later = NOW.plus(Duration.ofDays(2));
		this.book.accept(forecast("包头市", later, 120));

		assertThat(this.book.evaluate(later, TODAY.plusDays(2), (city) -> Optional.empty())).isEmpty();
		CityWarning warning = this.book.warning("包头市");
		assertThat(warning.state().level()).isEqualTo(WarningLevel.ORANGE);
		assertThat(warning.reason()).startsWith("release pending").contains("24 h of the 36 h");
	}

	@Test
	void anObservedRolling24HourAqiAbove200CountsAsTheFirstDay() {
		this.book.accept(forecast("包头市", NOW, 150, 120, 110));
		ObservedAqi observed = new ObservedAqi(TODAY, NOW, 260, Optional.of(EpisodeDriver.PM25));

		List<WarningLevelChanged> changes = this.book.evaluate(NOW, TODAY,
				(city) -> city.equals("包头市") ? Optional.of(observed) : Optional.empty());

		assertThat(changes).singleElement().satisfies((c) -> {
			assertThat(c.transition().to()).isEqualTo(WarningLevel.YELLOW);
			assertThat(c.transition().state().basis().get().evidence()).extracting((d) -> d.aqi()).containsExactly(260);
		});
	}

	@Test
	void restoredWarningsAreNotRaisedAgain() {
		this.book.accept(forecast("包头市", NOW, 230, 240, 180));
		List<WarningChange> stored = new ArrayList<>();
		this.book.evaluate(NOW, TODAY, (city) -> Optional.empty())
			.forEach((c) -> stored.add(new WarningChange(c.warningId(), c.transition())));

		WarningBook restarted = new WarningBook(this.rules);
		restarted.accept(forecast("包头市", NOW, 230, 240, 180));
		restarted.restore(stored);
		Instant later = NOW.plus(Duration.ofHours(1));

		assertThat(restarted.evaluate(later, TODAY, (city) -> Optional.empty())).isEmpty();
		assertThat(restarted.warning("包头市").state().episodeStart()).contains(NOW);
		assertThat(restarted.warning("包头市").id()).contains("包头市-" + NOW.toEpochMilli());
		assertThat(restarted.episode("包头市-" + NOW.toEpochMilli())).hasValueSatisfying(
				(e) -> assertThat(e.changes()).extracting(WarningTransition::to).containsExactly(WarningLevel.ORANGE));
	}

	@Test
	void anOlderForecastDoesNotReplaceANewerOne() {
		assertThat(this.book.accept(forecast("包头市", NOW, 230))).isTrue();
		assertThat(this.book.accept(forecast("包头市", NOW.minusSeconds(60), 100))).isFalse();
		assertThat(this.book.forecast("包头市").get().issued()).isEqualTo(NOW);
	}

	@Test
	void aCityWhoseForecastIsOverAndWithoutObservationIsLeftAsItIs() {
		this.book.accept(forecast("包头市", NOW, 230, 240));
		this.book.evaluate(NOW, TODAY, (city) -> Optional.empty());

		assertThat(this.book.evaluate(NOW, TODAY.plusDays(5), (city) -> Optional.empty())).isEmpty();
		assertThat(this.book.warnings()).extracting((w) -> w.state().level()).containsExactly(WarningLevel.ORANGE);
	}

	static AqiForecast forecast(String city, Instant issued, int... aqi) {
		List<ForecastDay> days = new ArrayList<>();
		LocalDate first = issued.atZone(java.time.ZoneId.of("Asia/Shanghai")).toLocalDate();
		for (int i = 0; i < aqi.length; i++) {
			days.add(new ForecastDay(first.plusDays(i), aqi[i]));
		}
		return new AqiForecast(city, issued, days);
	}

}
