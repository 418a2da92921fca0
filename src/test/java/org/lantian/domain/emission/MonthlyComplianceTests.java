package org.lantian.domain.emission;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lantian.domain.Measurand;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Exceedance days per enterprise and month (按日计罚, SEEDS-BRIEF §5) and the steel ultra-low
 * monthly share of compliant hours (STANDARDS §5.3: at least 95 %), in the reporting zone
 * Asia/Shanghai.
 */
class MonthlyComplianceTests {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	private static final EmissionLimit SINTER_SO2 = EmissionLimitTable
		.limit("ultra-low-steel-sintering", Measurand.SO2, LocalDate.of(2026, 1, 1))
		.limit()
		.orElseThrow();

	private static final EmissionLimit SINTER_NOX = EmissionLimitTable
		.limit("ultra-low-steel-sintering", Measurand.NOX, LocalDate.of(2026, 1, 1))
		.limit()
		.orElseThrow();

	@Test
	void countsEachLocalDayWithAnExceedingHourOnceAcrossTheMonthBoundary() {
		List<HourlyJudgement> enterprise = List.of(
				// 2026-01-31 23:00 local: January
				exceeding(SINTER_SO2, "2026-01-31T15:00:00Z"),
				// 2026-02-01 00:00 local (still January 31 in UTC): February
				exceeding(SINTER_SO2, "2026-01-31T16:00:00Z"),
				// 2026-02-01 11:00 local on another pollutant: the same day, counted once
				exceeding(SINTER_NOX, "2026-02-01T03:00:00Z"),
				// 2026-02-03 and a compliant and an unjudged hour on 2026-02-05: only
				// 02-03
				exceeding(SINTER_NOX, "2026-02-03T06:00:00Z"),
				new HourlyJudgement.Compliant(Instant.parse("2026-02-05T06:00:00Z"), SINTER_SO2, new BigDecimal("35")),
				new HourlyJudgement.NotJudged(Instant.parse("2026-02-05T07:00:00Z"), Measurand.SO2, "44 minutes"));

		List<MonthlyCompliance.ExceedanceDays> days = MonthlyCompliance.exceedanceDays(enterprise, SHANGHAI);

		assertThat(days).extracting(MonthlyCompliance.ExceedanceDays::month)
			.containsExactly(YearMonth.of(2026, 1), YearMonth.of(2026, 2));
		assertThat(days.get(0).days()).containsExactly(LocalDate.of(2026, 1, 31));
		assertThat(days.get(1).days()).containsExactly(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 3));
		assertThat(days).extracting(MonthlyCompliance.ExceedanceDays::count).containsExactly(1, 2);
		// in UTC all of the first three would be on 2026-01-31
		assertThat(MonthlyCompliance.exceedanceDays(enterprise, ZoneId.of("UTC")).get(0).days())
			.containsExactly(LocalDate.of(2026, 1, 31));
	}

	@ParameterizedTest(name = "{0}: {1} compliant, {2} exceeding, {3} not judged → meets 95 % {4}")
	@CsvSource(textBlock = """
			# April, 720 h: 95 % is 684 h exactly
			2026-04, 684, 36, 0,  true
			2026-04, 683, 37, 0,  false
			# March, 744 h: 95 % is 706.8 h, so 707 are needed
			2026-03, 707, 37, 0,  true
			2026-03, 706, 38, 0,  false
			# hours not judged (invalid, refused) are in neither count: 700 judged, 665 = 95 %
			2026-04, 665, 35, 20, true
			2026-04, 664, 36, 20, false
			""")
	void theSteelRuleNeedsNinetyFivePercentOfJudgedHours(YearMonth month, int compliant, int exceeding, int notJudged,
			boolean meets) {
		List<HourlyJudgement> hours = month(month, compliant, exceeding, notJudged);

		List<MonthlyCompliance.CompliantHours> shares = MonthlyCompliance.compliantHours(hours, SHANGHAI);

		assertThat(shares).singleElement().satisfies((share) -> {
			assertThat(share.month()).isEqualTo(month);
			assertThat(share.compliant()).isEqualTo(compliant);
			assertThat(share.judged()).isEqualTo(compliant + exceeding);
			assertThat(share.meetsSteelUltraLowRule()).isEqualTo(meets);
		});
	}

	@Test
	void theShareIsExactAndEmptyWithoutJudgedHours() {
		MonthlyCompliance.CompliantHours march = new MonthlyCompliance.CompliantHours(YearMonth.of(2026, 3), 706, 744);
		MonthlyCompliance.CompliantHours idle = new MonthlyCompliance.CompliantHours(YearMonth.of(2026, 3), 0, 0);

		// 706/744 = 0.94892…, below 0.95
		assertThat(march.share().orElseThrow()).isEqualByComparingTo("0.9489247311827956989247311827956989");
		assertThat(idle.share()).isEmpty();
		assertThat(idle.meetsSteelUltraLowRule()).isFalse();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new MonthlyCompliance.CompliantHours(YearMonth.of(2026, 3), 745, 744));
	}

	@Test
	void anHourCountsInTheLocalMonthItStartsIn() {
		// 2026-03-31 23:00 local is March; 2026-04-01 00:00 local (2026-03-31T16:00Z) is
		// April
		List<HourlyJudgement> hours = List.of(
				new HourlyJudgement.Compliant(Instant.parse("2026-03-31T15:00:00Z"), SINTER_SO2, BigDecimal.ONE),
				exceeding(SINTER_SO2, "2026-03-31T16:00:00Z"));

		assertThat(MonthlyCompliance.compliantHours(hours, SHANGHAI)).containsExactly(
				new MonthlyCompliance.CompliantHours(YearMonth.of(2026, 3), 1, 1),
				new MonthlyCompliance.CompliantHours(YearMonth.of(2026, 4), 0, 1));
	}

	@Test
	void refusesMixedPollutantsAndRepeatedHours() {
		List<HourlyJudgement> mixed = List.of(exceeding(SINTER_SO2, "2026-03-01T00:00:00Z"),
				exceeding(SINTER_NOX, "2026-03-01T01:00:00Z"));
		List<HourlyJudgement> twice = List.of(exceeding(SINTER_SO2, "2026-03-01T00:00:00Z"),
				new HourlyJudgement.Compliant(Instant.parse("2026-03-01T00:00:00Z"), SINTER_SO2, BigDecimal.ONE));

		assertThatIllegalArgumentException().isThrownBy(() -> MonthlyCompliance.compliantHours(mixed, SHANGHAI))
			.withMessageContaining("several pollutants");
		assertThatIllegalArgumentException().isThrownBy(() -> MonthlyCompliance.compliantHours(twice, SHANGHAI))
			.withMessageContaining("hour judged twice");
	}

	private static HourlyJudgement exceeding(EmissionLimit limit, String hourStart) {
		return StackExceedance.judge(limit, Instant.parse(hourStart), limit.value().add(BigDecimal.ONE));
	}

	/**
	 * Every local hour of a month: first the compliant, then the exceeding, then the
	 * unjudged.
	 */
	private static List<HourlyJudgement> month(YearMonth month, int compliant, int exceeding, int notJudged) {
		ZonedDateTime hour = month.atDay(1).atStartOfDay(SHANGHAI);
		int hours = month.lengthOfMonth() * 24;
		assertThat(compliant + exceeding + notJudged).isLessThanOrEqualTo(hours);
		List<HourlyJudgement> judgements = new ArrayList<>();
		for (int i = 0; i < compliant + exceeding + notJudged; i++) {
			Instant start = hour.plusHours(i).toInstant();
			if (i < compliant) {
				judgements.add(new HourlyJudgement.Compliant(start, SINTER_SO2, new BigDecimal("20")));
			}
			else if (i < compliant + exceeding) {
				judgements.add(StackExceedance.judge(SINTER_SO2, start, new BigDecimal("36")));
			}
			else {
				judgements.add(new HourlyJudgement.NotJudged(start, Measurand.SO2, "F: stopped"));
			}
		}
		return judgements;
	}

}
