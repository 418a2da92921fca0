package org.lantian.domain.warning.reduction;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.lantian.domain.Measurand;
import org.lantian.domain.SiteId;
import org.lantian.domain.warning.EpisodeDriver;
import org.lantian.domain.warning.WarningLevel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Emergency-reduction verification: the hourly emission of HJ 212-2017 附录D 式(33)
 * (STANDARDS §3.13), the cut per level (SEEDS-BRIEF §3, S002: 10 / 20 / 30 %), and the
 * hour-by-hour judgement of an enterprise's listed stacks.
 */
class ReductionVerifierTests {

	private static final SiteId S1 = SiteId.of("BT-STEEL-S1");

	private static final SiteId S2 = SiteId.of("BT-STEEL-S2");

	private static final Instant H0 = Instant.parse("2026-01-16T00:00:00Z");

	private static final Instant H1 = H0.plusSeconds(3600);

	private static final Instant H2 = H0.plusSeconds(7200);

	// SO2 baselines 20 + 10 = 30 kg/h; NOx only on S1
	private final ReductionEntry steel = new ReductionEntry("BT-STEEL", "包钢（集团）公司", "包头市", PerformanceGrade.B,
			List.of(new StackBaseline(S1,
					Map.of(Measurand.SO2, new BigDecimal("20"), Measurand.NOX, new BigDecimal("40"))),
					new StackBaseline(S2, Map.of(Measurand.SO2, new BigDecimal("10")))),
			CutPercents.none(), true);

	@ParameterizedTest(name = "{0} mg/m³ × {1} m³/h × 1e-6 = {2} kg/h")
	@CsvSource(textBlock = """
			# HJ 212-2017 附录D 式(33): G_h = C_Qh × Q_snh × 10⁻⁶ (mg/m³ × m³/h → kg/h)
			35,    500000,  17.5
			10,    1200000, 12
			0.5,   80000,   0.04
			123.4, 654321,  80.7432114
			0,     900000,  0
			250,   0,       0
			""")
	void emissionRate(String concentration, String flow, String kgPerHour) {
		assertThat(EmissionRate.kgPerHour(new BigDecimal(concentration), new BigDecimal(flow)))
			.isEqualByComparingTo(kgPerHour);
	}

	@Test
	void emissionRateRejectsNegativeInputs() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> EmissionRate.kgPerHour(new BigDecimal("-1"), new BigDecimal("1000")))
			.withMessage("negative concentration: -1 mg/m³");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> EmissionRate.kgPerHour(new BigDecimal("1"), new BigDecimal("-1000")))
			.withMessage("negative flow: -1000 m³/h");
	}

	@ParameterizedTest(
			name = "S1 {0} mg/m³ × {1}, S2 {2} mg/m³ × {3}, cut {4} % → {5} kg/h, compliant {6}, achieved {7} %")
	@CsvSource(textBlock = """
			# baseline 30 kg/h SO2; orange cut 20 % → allowed 24 kg/h
			# S2 stopped (flag F) counts 0: 15 kg/h, a 50 % cut
			30, 500000, stopped, 0,      20, 15, true,  50.0
			# exactly the allowed rate: compliant (measured ≤ baseline × (1 − cut))
			38, 500000, 25,      200000, 20, 24, true,  20.0
			# one step above: 24.000001 kg/h
			38, 500000, 25.000005, 200000, 20, 24.000001, false, 20.0
			# 20 + 5 = 25 kg/h: only 16.7 % cut
			40, 500000, 25,      200000, 20, 25, false, 16.7
			# yellow 10 %: 27 kg/h allowed; 25 passes
			40, 500000, 25,      200000, 10, 25, true,  16.7
			# red 30 %: 21 kg/h allowed; 21 passes, 21.1 does not
			36, 500000, 15,      200000, 30, 21, true,  30.0
			36, 500000, 15.5,    200000, 30, 21.1, false, 29.7
			# GB/T 8170 for the achieved %: 12.25 → 12.2 (five to even), 12.35 → 12.4
			40, 500000, 15.8125, 400000, 10, 26.325, true, 12.2
			40, 500000, 25.0, 402400, 10, 30.06, false, -0.2
			""")
	void oneHour(String c1, String q1, String c2, String q2, String cut, String measured, boolean compliant,
			String achieved) {
		StackHour s2 = c2.equals("stopped") ? new StackHour.Stopped(S2, H0, Measurand.SO2)
				: new StackHour.Measured(S2, H0, Measurand.SO2, new BigDecimal(c2), new BigDecimal(q2));
		List<StackHour> hours = List
			.of(new StackHour.Measured(S1, H0, Measurand.SO2, new BigDecimal(c1), new BigDecimal(q1)), s2);

		HourlyReduction verdict = ReductionVerifier.judge(this.steel, new BigDecimal(cut), Measurand.SO2, H0, hours);

		assertThat(verdict).isInstanceOf(HourlyReduction.Judged.class);
		HourlyReduction.Judged judged = (HourlyReduction.Judged) verdict;
		assertThat(judged.baseline()).isEqualByComparingTo("30");
		assertThat(judged.measured()).isEqualByComparingTo(measured);
		assertThat(judged.compliant()).isEqualTo(compliant);
		assertThat(judged.achievedPercent()).isEqualByComparingTo(achieved);
	}

	@Test
	void achievedPercentRoundsHalfToEven() {
		// (40 − 35.1)/40 = 12.25 % → 12.2; (40 − 35.06)/40 = 12.35 % → 12.4 (GB/T 8170
		// 四舍六入五成双)
		assertThat(ReductionVerifier.achieved(new BigDecimal("40"), new BigDecimal("35.1")))
			.isEqualByComparingTo("12.2");
		assertThat(ReductionVerifier.achieved(new BigDecimal("40"), new BigDecimal("35.06")))
			.isEqualByComparingTo("12.4");
		assertThat(ReductionVerifier.achieved(new BigDecimal("30"), new BigDecimal("25"))).isEqualByComparingTo("16.7");
	}

	@Test
	void anHourWithoutDataFromEveryListedStackIsNotJudged() {
		HourlyReduction missing = ReductionVerifier.judge(this.steel, new BigDecimal("20"), Measurand.SO2, H0,
				List.of(new StackHour.Measured(S1, H0, Measurand.SO2, new BigDecimal("10"), new BigDecimal("500000"))));
		HourlyReduction invalid = ReductionVerifier.judge(this.steel, new BigDecimal("20"), Measurand.SO2, H0,
				List.of(new StackHour.Measured(S1, H0, Measurand.SO2, new BigDecimal("10"), new BigDecimal("500000")),
						new StackHour.Invalid(S2, H0, Measurand.SO2, "flag M (maintenance)")));

		assertThat(missing).isEqualTo(new HourlyReduction.NotJudged(H0, Measurand.SO2, "BT-STEEL-S2: no data"));
		assertThat(invalid)
			.isEqualTo(new HourlyReduction.NotJudged(H0, Measurand.SO2, "BT-STEEL-S2: flag M (maintenance)"));
	}

	@Test
	void onlyTheStacksWithABaselineForThePollutantCount() {
		// NOx: only S1 has a baseline (40 kg/h); S2 needs no data
		HourlyReduction nox = ReductionVerifier.judge(this.steel, new BigDecimal("20"), Measurand.NOX, H0,
				List.of(new StackHour.Measured(S1, H0, Measurand.NOX, new BigDecimal("60"), new BigDecimal("500000"))));

		assertThat(nox).isInstanceOf(HourlyReduction.Judged.class);
		assertThat(((HourlyReduction.Judged) nox).allowed()).isEqualByComparingTo("32");
		assertThat(((HourlyReduction.Judged) nox).compliant()).isTrue();
		assertThat(ReductionVerifier.judge(this.steel, BigDecimal.TEN, Measurand.PM, H0, List.of()))
			.isEqualTo(new HourlyReduction.NotJudged(H0, Measurand.PM, "BT-STEEL has no baseline for pm"));
		assertThat(ReductionVerifier.pollutants(this.steel)).containsExactly(Measurand.SO2, Measurand.NOX);
	}

	@Test
	void theWarningSummaryCountsHoursAndTheAchievedCut() {
		List<StackHour> hours = List.of(
				// H0: 15 + 0 = 15 kg/h, compliant
				new StackHour.Measured(S1, H0, Measurand.SO2, new BigDecimal("30"), new BigDecimal("500000")),
				new StackHour.Stopped(S2, H0, Measurand.SO2),
				// H1: 20 + 5 = 25 kg/h > 24, not compliant
				new StackHour.Measured(S1, H1, Measurand.SO2, new BigDecimal("40"), new BigDecimal("500000")),
				new StackHour.Measured(S2, H1, Measurand.SO2, new BigDecimal("25"), new BigDecimal("200000")),
				// H2: S2 invalid, not judged
				new StackHour.Measured(S1, H2, Measurand.SO2, new BigDecimal("10"), new BigDecimal("500000")),
				new StackHour.Invalid(S2, H2, Measurand.SO2, "flag D"));
		RequiredCut orange = RequiredCut.of(new BigDecimal("20"), "default cut at orange");

		ReductionSummary summary = ReductionVerifier.verify(this.steel, orange, Measurand.SO2, List.of(H0, H1, H2),
				hours);

		assertThat(summary.hoursJudged()).isEqualTo(2);
		assertThat(summary.hoursCompliant()).isEqualTo(1);
		assertThat(summary.hoursNotJudged()).isEqualTo(1);
		assertThat(summary.baselineKg()).isEqualByComparingTo("60");
		assertThat(summary.measuredKg()).isEqualByComparingTo("40");
		// (60 − 40)/60 = 33.33… % → 33.3
		assertThat(summary.achievedPercent()).hasValueSatisfying((p) -> assertThat(p).isEqualByComparingTo("33.3"));
		assertThat(summary.isCompliant()).isFalse();
		assertThat(summary.nonCompliantHours()).extracting(HourlyReduction::hourStart).containsExactly(H1);
	}

	@Test
	void noCutRequiredMeansNoHourJudged() {
		ReductionSummary summary = ReductionVerifier.verify(this.steel, RequiredCut.none("grade A exempt (自主减排)"),
				Measurand.SO2, List.of(H0), List.of());

		assertThat(summary.hoursJudged()).isZero();
		assertThat(summary.hours()).isEmpty();
		assertThat(summary.achievedPercent()).isEmpty();
		assertThat(summary.isCompliant()).isFalse();
		assertThat(ReductionVerifier.verifyAll(this.steel, RequiredCut.none("x"), List.of(H0), List.of()).keySet())
			.containsExactly(Measurand.SO2, Measurand.NOX);
	}

	@Test
	void theCutComesFromTheEntryThenTheGradeThenTheDefaults() {
		ReductionEntry a = entry("A-CO", PerformanceGrade.A, CutPercents.none());
		ReductionEntry b = entry("B-CO", PerformanceGrade.B, CutPercents.none());
		ReductionEntry c = entry("C-CO", PerformanceGrade.C, CutPercents.none());
		ReductionEntry own = entry("OWN-CO", PerformanceGrade.C,
				new CutPercents(Map.of(WarningLevel.ORANGE, new BigDecimal("35"))));
		ReductionList list = ReductionList.of(CutPercents.seedDefault(),
				List.of(new GradeRule(PerformanceGrade.A, true, CutPercents.none()),
						new GradeRule(PerformanceGrade.B, false,
								new CutPercents(Map.of(WarningLevel.RED, new BigDecimal("25"))))),
				List.of(a, b, c, own));

		assertThat(cut(list, c, WarningLevel.YELLOW)).isEqualTo("10");
		assertThat(cut(list, c, WarningLevel.ORANGE)).isEqualTo("20");
		assertThat(cut(list, c, WarningLevel.RED)).isEqualTo("30");
		assertThat(cut(list, b, WarningLevel.RED)).isEqualTo("25");
		assertThat(cut(list, b, WarningLevel.ORANGE)).isEqualTo("20");
		assertThat(cut(list, own, WarningLevel.ORANGE)).isEqualTo("35");
		assertThat(cut(list, own, WarningLevel.RED)).isEqualTo("30");
		assertThat(list.requiredCut(a, WarningLevel.RED, EpisodeDriver.PM25))
			.isEqualTo(RequiredCut.none("grade A exempt (自主减排)"));
		assertThat(list.requiredCut(c, WarningLevel.BLUE, EpisodeDriver.PM25))
			.isEqualTo(RequiredCut.none("no cut configured at blue"));
		assertThat(list.requiredCut(c, WarningLevel.NONE, EpisodeDriver.PM25).isRequired()).isFalse();
		assertThat(list.requiredCut(c, WarningLevel.RED, EpisodeDriver.SAND_DUST).basis())
			.isEqualTo("sandDust-driven episode: health advisories, no emergency reduction (STANDARDS §4.1, MEE 2024)");
		assertThat(list.requiredCut(c, WarningLevel.RED, EpisodeDriver.O3).isRequired()).isFalse();
	}

	@Test
	void rejectsInconsistentLists() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ReductionList.of(CutPercents.seedDefault(), List.of(),
					List.of(entry("X", PerformanceGrade.C, CutPercents.none()),
							entry("X", PerformanceGrade.C, CutPercents.none()))))
			.withMessage("enterprise X listed twice");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ReductionList.of(CutPercents.seedDefault(), List.of(),
					List.of(entry("X", PerformanceGrade.C, CutPercents.none()),
							new ReductionEntry("Y", "Y", "包头市", PerformanceGrade.C,
									List.of(new StackBaseline(SiteId.of("X-S1"),
											Map.of(Measurand.SO2, BigDecimal.TEN))),
									CutPercents.none(), true))))
			.withMessage("stack X-S1 listed under X and Y");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new CutPercents(Map.of(WarningLevel.RED, new BigDecimal("101"))))
			.withMessage("cuts.red: must be a percent in 0..100, got 101");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new StackBaseline(S1, Map.of(Measurand.FLOW, BigDecimal.ONE)))
			.withMessage("stack BT-STEEL-S1: baseline.flow: not a pollutant");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new StackBaseline(S1, Map.of(Measurand.SO2, BigDecimal.ZERO)))
			.withMessage("stack BT-STEEL-S1: baseline.so2: must be a positive kg/h, got 0");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new GradeRule(PerformanceGrade.A, true, CutPercents.seedDefault()))
			.withMessage("grades.A: exempt and cuts at once");
	}

	@Test
	void combinesPartsJudgedUnderDifferentLevels() {
		ReductionList list = ReductionList.of(CutPercents.seedDefault(), List.of(), List.of(this.steel));
		// S1 20 + S2 10 = 30 kg/h SO2 baseline; each hour measures 30 × 500000 × 1e-6 =
		// 15 kg/h at S1, S2 stopped
		List<StackHour> hours = List.of(
				new StackHour.Measured(S1, H0, Measurand.SO2, new BigDecimal("30"), new BigDecimal("500000")),
				new StackHour.Stopped(S2, H0, Measurand.SO2),
				new StackHour.Measured(S1, H1, Measurand.SO2, new BigDecimal("50"), new BigDecimal("500000")),
				new StackHour.Stopped(S2, H1, Measurand.SO2));
		// H0 at yellow (10 %: allowed 27 kg/h), H1 at red (30 %: allowed 21 kg/h,
		// measured 25)
		ReductionSummary yellow = ReductionVerifier.verify(this.steel,
				list.requiredCut(this.steel, WarningLevel.YELLOW, EpisodeDriver.PM25), Measurand.SO2, List.of(H0),
				hours);
		ReductionSummary red = ReductionVerifier.verify(this.steel,
				list.requiredCut(this.steel, WarningLevel.RED, EpisodeDriver.PM25), Measurand.SO2, List.of(H1, H2),
				hours);

		ReductionSummary whole = ReductionVerifier.combine(List.of(yellow, red));

		assertThat(whole.hoursJudged()).isEqualTo(2);
		assertThat(whole.hoursCompliant()).isEqualTo(1);
		assertThat(whole.hoursNotJudged()).isEqualTo(1);
		assertThat(whole.baselineKg()).isEqualByComparingTo("60");
		assertThat(whole.measuredKg()).isEqualByComparingTo("40");
		// (60 − 40) / 60 × 100 = 33.33… → 33.3 (GB/T 8170)
		assertThat(whole.achievedPercent()).contains(new BigDecimal("33.3"));
		assertThat(whole.required().percent()).contains(new BigDecimal("30"));
		assertThat(whole.nonCompliantHours()).extracting(HourlyReduction.Judged::hourStart).containsExactly(H1);
		assertThat(whole.hours()).extracting(HourlyReduction::hourStart).containsExactly(H0, H1, H2);
		assertThatIllegalArgumentException().isThrownBy(() -> ReductionVerifier.combine(List.of()));
	}

	private static String cut(ReductionList list, ReductionEntry entry, WarningLevel level) {
		return list.requiredCut(entry, level, EpisodeDriver.PM25).percent().orElseThrow().toPlainString();
	}

	private static ReductionEntry entry(String id, PerformanceGrade grade, CutPercents cuts) {
		return new ReductionEntry(id, id, "包头市", grade,
				List.of(new StackBaseline(SiteId.of(id + "-S1"), Map.of(Measurand.SO2, BigDecimal.TEN))), cuts, true);
	}

}
