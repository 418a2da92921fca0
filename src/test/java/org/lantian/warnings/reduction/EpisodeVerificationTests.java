package org.lantian.warnings.reduction;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lantian.domain.Measurand;
import org.lantian.domain.SiteId;
import org.lantian.domain.warning.EpisodeDriver;
import org.lantian.domain.warning.WarningLevel;
import org.lantian.domain.warning.reduction.CutPercents;
import org.lantian.domain.warning.reduction.HourlyReduction;
import org.lantian.domain.warning.reduction.PerformanceGrade;
import org.lantian.domain.warning.reduction.ReductionEntry;
import org.lantian.domain.warning.reduction.ReductionList;
import org.lantian.domain.warning.reduction.ReductionSummary;
import org.lantian.domain.warning.reduction.StackBaseline;
import org.lantian.domain.warning.reduction.StackHour;
import org.lantian.warnings.WarningEpisode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hours a warning judges (complete clock hours from the first full hour of the
 * episode to now or its release) and each hour's cut at the level in force when it began
 * (SEEDS-BRIEF §3, S002: 10 / 20 / 30 % for yellow / orange / red).
 */
class EpisodeVerificationTests {

	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private static final SiteId STACK = SiteId.of("BT-HEAT-B1");

	private final ReductionEntry heat = new ReductionEntry("BT-QSHEAT", "青山区供热站", "包头市", PerformanceGrade.C,
			List.of(new StackBaseline(STACK, Map.of(Measurand.SO2, new BigDecimal("3")))), CutPercents.none(), true);

	private final ReductionList list = ReductionList.of(CutPercents.seedDefault(), List.of(), List.of(this.heat));

	@Test
	void hoursStartAtTheFirstFullHourAndEndAtTheLastCompleteOne() {
		assertThat(EpisodeVerification.hours(local("08:20"), local("12:30"), ZONE)).containsExactly(local("09:00"),
				local("10:00"), local("11:00"));
		assertThat(EpisodeVerification.hours(local("08:00"), local("10:00"), ZONE)).containsExactly(local("08:00"),
				local("09:00"));
		assertThat(EpisodeVerification.hours(local("08:20"), local("09:59"), ZONE)).isEmpty();
	}

	@Test
	void eachHourIsJudgedAtTheLevelInForceWhenItBegan() {
		// yellow at 08:20, orange from 10:00: 09:00 owes 10 % (2.7 kg/h allowed), 10:00
		// and 11:00 20 % (2.4)
		WarningEpisode episode = TestEpisodes.raised("包头市", "2025-01-15T00:20:00Z", WarningLevel.YELLOW)
			.then("2025-01-15T02:00:00Z", WarningLevel.ORANGE)
			.episode();
		List<Instant> hours = EpisodeVerification.hours(episode.start(), local("12:30"), ZONE);
		// 17 mg/m³ × 150000 m³/h × 10⁻⁶ = 2.55 kg/h every hour (HJ 212-2017 附录D 式(33))
		List<StackHour> data = new ArrayList<>();
		hours.forEach((h) -> data
			.add(new StackHour.Measured(STACK, h, Measurand.SO2, new BigDecimal("17"), new BigDecimal("150000"))));

		EpisodeVerification.EnterpriseVerification verified = EpisodeVerification.enterprise(this.list, this.heat,
				episode, hours, data);

		assertThat(verified.cuts()).extracting(EpisodeVerification.CutPeriod::level)
			.containsExactly(WarningLevel.YELLOW, WarningLevel.ORANGE);
		assertThat(verified.cuts().get(1).hours()).containsExactly(local("10:00"), local("11:00"));
		ReductionSummary so2 = verified.summaries().get(Measurand.SO2);
		assertThat(so2.hours()).extracting((h) -> ((HourlyReduction.Judged) h).compliant())
			.containsExactly(true, false, false);
		assertThat(((HourlyReduction.Judged) so2.hours().get(0)).allowed()).isEqualByComparingTo("2.7");
		assertThat(((HourlyReduction.Judged) so2.hours().get(1)).allowed()).isEqualByComparingTo("2.4");
		// (9 − 7.65) / 9 × 100 = 15.0 %
		assertThat(so2.achievedPercent()).contains(new BigDecimal("15.0"));
		assertThat(so2.required().percent()).contains(new BigDecimal("20"));
		assertThat(verified.requiredNow().percent()).contains(new BigDecimal("20"));
	}

	@Test
	void hoursAtAnO3DrivenLevelOweNoCutAndTheReleaseEndsThePeriod() {
		WarningEpisode episode = TestEpisodes.raised("包头市", "2025-01-15T00:00:00Z", WarningLevel.ORANGE)
			.then("2025-01-15T01:00:00Z", WarningLevel.YELLOW, EpisodeDriver.O3)
			.released("2025-01-15T02:30:00Z")
			.episode();
		Instant end = episode.released().orElseThrow();
		List<Instant> hours = EpisodeVerification.hours(episode.start(), end, ZONE);
		List<StackHour> data = hours.stream()
			.map((h) -> (StackHour) new StackHour.Stopped(STACK, h, Measurand.SO2))
			.toList();

		EpisodeVerification.EnterpriseVerification verified = EpisodeVerification.enterprise(this.list, this.heat,
				episode, hours, data);

		assertThat(hours).containsExactly(local("08:00"), local("09:00"));
		ReductionSummary so2 = verified.summaries().get(Measurand.SO2);
		assertThat(so2.hoursJudged()).isEqualTo(1);
		assertThat(so2.achievedPercent()).contains(new BigDecimal("100.0"));
		assertThat(verified.cuts().get(1).cut().percent()).isEmpty();
		assertThat(verified.requiredNow().basis()).isEqualTo("no warning");
		assertThat(episode.stateAt(local("10:30"))).isEmpty();
		assertThat(episode.stateAt(local("09:00")).orElseThrow().level()).isEqualTo(WarningLevel.YELLOW);
		assertThat(episode.stateAt(local("07:59"))).isEmpty();
	}

	private static Instant local(String time) {
		return java.time.LocalDateTime.parse("2025-01-15T" + time).atZone(ZONE).toInstant();
	}

}
