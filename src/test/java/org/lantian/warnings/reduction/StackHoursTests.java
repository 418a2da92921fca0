package org.lantian.warnings.reduction;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lantian.domain.DataFlag;
import org.lantian.domain.Measurand;
import org.lantian.domain.SiteId;
import org.lantian.domain.warning.reduction.StackHour;
import org.lantian.storage.SeriesPoint;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stack hours from stored data (docs/warnings.md "Emergency reductions"): the device's
 * hourly value (HJ 212 CN 2061) first, else the mean of ≥ 45 valid minutes (HJ 75-2017
 * §11.2.1); flag F → stopped (0 kg/h), other flags or no data → not judged, reason named.
 */
class StackHoursTests {

	private static final SiteId S1 = SiteId.of("BT-HEAT-B1");

	// 2025-01-15 08:00 in Asia/Shanghai
	private static final Instant H0 = Instant.parse("2025-01-15T00:00:00Z");

	private static final Instant H1 = H0.plusSeconds(3600);

	@Test
	void theDevicesHourlyValuesGiveTheMeasuredConcentrationAndFlow() {
		List<StackHour> hours = StackHours.of(S1, List.of(Measurand.SO2), List.of(H0, H1),
				Map.of(Measurand.SO2, List.of(hourly(H0, "13", DataFlag.N), hourly(H1, "14", DataFlag.N)),
						Measurand.FLOW, List.of(hourly(H0, "150000", DataFlag.N), hourly(H1, "150000", DataFlag.N))),
				List.of());

		assertThat(hours).containsExactly(
				new StackHour.Measured(S1, H0, Measurand.SO2, new BigDecimal("13"), new BigDecimal("150000")),
				new StackHour.Measured(S1, H1, Measurand.SO2, new BigDecimal("14"), new BigDecimal("150000")));
		// HJ 212-2017 附录D 式(33): 13 mg/m³ × 150000 m³/h × 10⁻⁶ = 1.95 kg/h
		assertThat(hours.get(0).kgPerHour()).hasValueSatisfying((kg) -> assertThat(kg).isEqualByComparingTo("1.95"));
	}

	@Test
	void flagFOnConcentrationOrFlowIsAStoppedStackThatEmitsNothing() {
		List<StackHour> hours = StackHours.of(S1, List.of(Measurand.SO2), List.of(H0, H1),
				Map.of(Measurand.SO2, List.of(hourly(H0, "0", DataFlag.F), hourly(H1, "13", DataFlag.N)),
						Measurand.FLOW, List.of(hourly(H0, "150000", DataFlag.N), hourly(H1, "0", DataFlag.F))),
				List.of());

		assertThat(hours).containsExactly(new StackHour.Stopped(S1, H0, Measurand.SO2),
				new StackHour.Stopped(S1, H1, Measurand.SO2));
		assertThat(hours.get(0).kgPerHour()).contains(BigDecimal.ZERO);
	}

	@Test
	void otherFlagsAndMissingDataAreInvalidWithTheReason() {
		List<StackHour> hours = StackHours.of(S1, List.of(Measurand.SO2, Measurand.NOX), List.of(H0, H1),
				Map.of(Measurand.SO2, List.of(hourly(H0, "13", DataFlag.D)), Measurand.NOX,
						List.of(hourly(H0, "26", DataFlag.N)), Measurand.FLOW,
						List.of(hourly(H0, "150000", DataFlag.N))),
				List.of());

		assertThat(hours).containsExactly(new StackHour.Invalid(S1, H0, Measurand.SO2, "so2 hourly value flagged D"),
				new StackHour.Measured(S1, H0, Measurand.NOX, new BigDecimal("26"), new BigDecimal("150000")),
				new StackHour.Invalid(S1, H1, Measurand.SO2, "so2 no data, flow no data"),
				new StackHour.Invalid(S1, H1, Measurand.NOX, "nox no data, flow no data"));
	}

	@Test
	void withoutHourlyValuesTheMeanOfAtLeast45ValidMinutes() {
		// 45 valid minutes of 12 and 14 mg/m³ → 13; flow 150000 throughout; the rest
		// flagged C
		List<SeriesPoint> so2 = new ArrayList<>();
		List<SeriesPoint> flow = new ArrayList<>();
		for (int m = 0; m < 60; m++) {
			Instant at = H0.plusSeconds(60L * m);
			so2.add((m < 45) ? minute(at, (m % 2 == 0) ? "12" : "14", DataFlag.N) : minute(at, "99", DataFlag.C));
			flow.add(minute(at, "150000", DataFlag.N));
		}
		// 44 valid minutes in the next hour
		for (int m = 0; m < 44; m++) {
			Instant at = H1.plusSeconds(60L * m);
			so2.add(minute(at, "13", DataFlag.N));
			flow.add(minute(at, "150000", DataFlag.N));
		}

		List<StackHour> hours = StackHours.of(S1, List.of(Measurand.SO2), List.of(H0, H1), Map.of(),
				List.of(Map.of(Measurand.SO2, so2, Measurand.FLOW, flow)));

		assertThat(hours).hasSize(2);
		StackHour.Measured first = (StackHour.Measured) hours.get(0);
		// 23 × 12 + 22 × 14 = 584; 584 / 45 = 12.977778 (6 places, half-even)
		assertThat(first.concentration()).isEqualByComparingTo("12.977778");
		assertThat(first.flow()).isEqualByComparingTo("150000");
		assertThat(hours.get(1)).isEqualTo(new StackHour.Invalid(S1, H1, Measurand.SO2,
				"so2 44 valid minutes, an hourly mean needs 45, flow 44 valid minutes, an hourly mean needs 45"));
	}

	@Test
	void minutesAllFlaggedFAreStoppedAndAMixOfFlagsIsNamed() {
		List<SeriesPoint> so2 = new ArrayList<>();
		List<SeriesPoint> flow = new ArrayList<>();
		for (int m = 0; m < 60; m++) {
			so2.add(minute(H0.plusSeconds(60L * m), "0", DataFlag.F));
			so2.add(minute(H1.plusSeconds(60L * m), "0", (m < 30) ? DataFlag.F : DataFlag.D));
			flow.add(minute(H0.plusSeconds(60L * m), "150000", DataFlag.N));
			flow.add(minute(H1.plusSeconds(60L * m), "150000", DataFlag.N));
		}

		List<StackHour> hours = StackHours.of(S1, List.of(Measurand.SO2), List.of(H0, H1), Map.of(),
				List.of(Map.of(), Map.of(Measurand.SO2, so2, Measurand.FLOW, flow)));

		assertThat(hours).containsExactly(new StackHour.Stopped(S1, H0, Measurand.SO2),
				new StackHour.Invalid(S1, H1, Measurand.SO2, "so2 flagged D, F"));
	}

	@Test
	void theDevicesHourlyValueWinsOverMinutesAndOnlyMissingHoursNeedFinerData() {
		Map<Measurand, List<SeriesPoint>> hourly = Map.of(Measurand.SO2, List.of(hourly(H0, "13", DataFlag.N)),
				Measurand.FLOW, List.of(hourly(H0, "150000", DataFlag.N)));
		List<SeriesPoint> minutes = new ArrayList<>();
		for (int m = 0; m < 60; m++) {
			minutes.add(minute(H0.plusSeconds(60L * m), "50", DataFlag.N));
		}

		List<StackHour> hours = StackHours.of(S1, List.of(Measurand.SO2), List.of(H0), hourly,
				List.of(Map.of(Measurand.SO2, minutes, Measurand.FLOW, minutes)));

		assertThat(hours).containsExactly(
				new StackHour.Measured(S1, H0, Measurand.SO2, new BigDecimal("13"), new BigDecimal("150000")));
		assertThat(StackHours.lackingHourlyValues(List.of(Measurand.SO2), List.of(H0), hourly)).isEmpty();
		// only the hour without hourly values is read from minute values and samples
		assertThat(StackHours.lackingHourlyValues(List.of(Measurand.SO2), List.of(H0, H1), hourly))
			.contains(new StackHours.Span(H1, H1.plusSeconds(3600)));
		assertThat(StackHours.lackingHourlyValues(List.of(Measurand.SO2, Measurand.NOX), List.of(H0, H1), hourly))
			.contains(new StackHours.Span(H0, H1.plusSeconds(3600)));
	}

	private static SeriesPoint hourly(Instant start, String value, DataFlag flag) {
		return new SeriesPoint(start, start, new BigDecimal(value), flag, 1);
	}

	private static SeriesPoint minute(Instant start, String value, DataFlag flag) {
		return new SeriesPoint(start, start, new BigDecimal(value), flag, 1);
	}

}
