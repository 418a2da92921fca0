package org.lantian.ingest.hj212;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.lantian.domain.DataFlag;
import org.lantian.domain.Enterprise;
import org.lantian.domain.Hj212Access;
import org.lantian.domain.Measurand;
import org.lantian.domain.Measurement;
import org.lantian.domain.Reading;
import org.lantian.domain.ReadingPeriod;
import org.lantian.domain.Site;
import org.lantian.domain.SiteId;
import org.lantian.domain.SiteKind;
import org.lantian.domain.Statistic;
import org.lantian.ingest.ItemRejection;
import org.lantian.ingest.RejectionReason;
import org.lantian.ingest.hj212.Hj212ReadingMapper.Mapped;
import org.lantian.ingest.hj212.Hj212ReadingMapper.NotDataUpload;
import org.lantian.ingest.hj212.Hj212ReadingMapper.Result;

import static org.assertj.core.api.Assertions.assertThat;

class Hj212ReadingMapperTests {

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	static final Site AMBIENT = new Site(SiteId.of("BT-KDL-01"), "昆都仑区", SiteKind.AMBIENT, "包头市", "昆都仑区", null, null,
			true, null, null, null, null, null, new Hj212Access("BTKDL01", "123456", Map.of()));

	static final Site STACK = new Site(SiteId.of("BG-SJ-01"), "包钢 1# 烧结机头", SiteKind.STACK, "包头市", "昆都仑区", null, null,
			true, new Enterprise("BG", "包钢"), "steel", "coal", new BigDecimal("16"), "steel-ultra-low",
			new Hj212Access("BGSJ01", "123456", Map.of()));

	private final Hj212ReadingMapper mapper = new Hj212ReadingMapper(SHANGHAI);

	@Test
	void mapsAnAmbientRealTimeFrameToASample() {
		// CN 2011 实时数据 (表9), -Rtd (表4); DataTime is the sampling moment (§3.5)
		Result result = this.mapper.map(
				frame("22", "2011", "DataTime=20260115080000;a34004-Rtd=135.2,a34004-Flag=N;"
						+ "a34002-Rtd=180.0,a34002-Flag=N;a21026-Rtd=20,a21026-Flag=N;a21004-Rtd=55,a21004-Flag=N;"
						+ "a21005-Rtd=1.2,a21005-Flag=N;a05024-Rtd=12,a05024-Flag=N;a01007-Rtd=3.4;a01008-Rtd=270"),
				AMBIENT);

		assertThat(result).isEqualTo(new Mapped(
				List.of(new Reading(AMBIENT.id(), Instant.parse("2026-01-15T00:00:00Z"), ReadingPeriod.SAMPLE,
						Map.of(Measurand.PM25, Measurement.of("135.2", DataFlag.N), Measurand.PM10,
								Measurement.of("180.0", DataFlag.N), Measurand.SO2, Measurement.of("20", DataFlag.N),
								Measurand.NO2, Measurement.of("55", DataFlag.N), Measurand.CO,
								Measurement.of("1.2", DataFlag.N), Measurand.O3, Measurement.of("12", DataFlag.N),
								Measurand.WIND_SPEED, Measurement.of("3.4", DataFlag.N), Measurand.WIND_DIR,
								Measurement.of("270", DataFlag.N)))),
				List.of()));
	}

	@Test
	void mapsACemsHourlyFrameWithFlagsAndStatistics() {
		// CN 2061 小时数据: -Avg is the value; -Min/-Max/-Cou and the 折算 -ZsAvg are kept
		// beside it (表4); -Flag per 表8 covers them all
		Reading reading = single(this.mapper.map(frame("31", "2061",
				"DataTime=20260115080000;a34013-Min=3.1,a34013-Avg=4.2,a34013-Max=5.0,a34013-ZsAvg=6.3,a34013-Flag=N;"
						+ "a21026-Avg=25.12,a21026-ZsAvg=35.5,a21026-Flag=M;"
						+ "a21002-Avg=40.1,a21002-ZsAvg=50.2,a21002-Cou=1.2,a21002-Flag=D;"
						+ "a19001-Avg=9.8,a19001-Flag=N;a00000-Avg=150.5,a00000-Cou=541800,a00000-Flag=N;"
						+ "a01012-Avg=120.3;a01013-Avg=101.2;a01014-Avg=8.5;a01011-Avg=12.30,a01011-Flag=C"),
				STACK));

		assertThat(reading.site()).isEqualTo(STACK.id());
		assertThat(reading.period()).isEqualTo(ReadingPeriod.HOUR);
		// 08:00 local is the start of the hour 08:00–09:00 (表C.17)
		assertThat(reading.time()).isEqualTo(Instant.parse("2026-01-15T00:00:00Z"));
		assertThat(reading.values()).containsExactly(
				Map.entry(Measurand.SO2,
						measurement("25.12", DataFlag.M, Map.of(Statistic.CORRECTED, new BigDecimal("35.5")))),
				// 表B.2: a21002 排放量 in kg
				Map.entry(Measurand.NOX,
						measurement("40.1", DataFlag.D,
								Map.of(Statistic.CORRECTED, new BigDecimal("50.2"), Statistic.TOTAL,
										new BigDecimal("1.2")))),
				Map.entry(Measurand.PM,
						measurement("4.2", DataFlag.N,
								Map.of(Statistic.CORRECTED, new BigDecimal("6.3"), Statistic.MIN, new BigDecimal("3.1"),
										Statistic.MAX, new BigDecimal("5.0")))),
				Map.entry(Measurand.O2, Measurement.of("9.8", DataFlag.N)),
				Map.entry(Measurand.TEMP, Measurement.of("120.3", DataFlag.N)),
				Map.entry(Measurand.PRESSURE, Measurement.of("101.2", DataFlag.N)),
				Map.entry(Measurand.HUMIDITY, Measurement.of("8.5", DataFlag.N)),
				Map.entry(Measurand.VELOCITY, Measurement.of("12.30", DataFlag.C)),
				// 表B.2 a00000 m³/s × 3600 = m³/h; its total is 立方米, unconverted
				Map.entry(Measurand.FLOW,
						measurement("541800.0", DataFlag.N, Map.of(Statistic.TOTAL, new BigDecimal("541800")))));
	}

	@ParameterizedTest(name = "CN {0}: {1}-{2} → {3}")
	@CsvSource(textBlock = """
			# 表9 CN, 表4 suffix, statistic kept beside the value (sent = stored: SO₂ mg/m³, Cou kg at a stack)
			2011, Rtd, ZsRtd, CORRECTED
			2051, Avg, ZsAvg, CORRECTED
			2051, Avg, Min,   MIN
			2051, Avg, Max,   MAX
			2051, Avg, Cou,   TOTAL
			2051, Avg, ZsMin, CORRECTED_MIN
			2051, Avg, ZsMax, CORRECTED_MAX
			2061, Avg, ZsAvg, CORRECTED
			2061, Avg, Min,   MIN
			2061, Avg, Max,   MAX
			2061, Avg, Cou,   TOTAL
			2061, Avg, ZsMin, CORRECTED_MIN
			2061, Avg, ZsMax, CORRECTED_MAX
			2031, Avg, ZsAvg, CORRECTED
			2031, Avg, Min,   MIN
			2031, Avg, Max,   MAX
			2031, Avg, Cou,   TOTAL
			2031, Avg, ZsMin, CORRECTED_MIN
			2031, Avg, ZsMax, CORRECTED_MAX
			""")
	void keepsEachStatisticOfItsCommand(String cn, String value, String suffix, Statistic statistic) {
		Reading reading = single(this.mapper.map(
				frame("31", cn, "DataTime=20260115000000;a21026-" + value + "=20.5,a21026-" + suffix + "=20.75"),
				STACK));

		assertThat(reading.values()).containsExactly(
				Map.entry(Measurand.SO2, measurement("20.5", DataFlag.N, Map.of(statistic, new BigDecimal("20.75")))));
	}

	@ParameterizedTest(name = "CN {0}: {1} ignored")
	@CsvSource(textBlock = """
			# statistics of another CN (表4 by 表9), and totals of quantities 表B.2 gives no amount unit
			2011, a21026-Rtd=20,a21026-Min=1,a21026-Max=30,a21026-Cou=2,a21026-ZsAvg=25
			2061, a21026-Avg=20,a21026-ZsRtd=25,a21026-Rtd=21
			2061, a21026-Avg=20,a21026-EFlag=A1,a21026-SampleTime=20260115000500
			2061, a19001-Avg=9.8,a19001-Cou=235.2
			2061, a01012-Avg=120.3,a01012-Cou=2887.2
			""")
	void ignoresSubFieldsThatAreNotKept(String cn, String factor) {
		Reading reading = single(this.mapper.map(frame("31", cn, "DataTime=20260115000000;" + factor), STACK));

		assertThat(reading.values().values()).singleElement()
			.satisfies((measurement) -> assertThat(measurement.statistics()).isEmpty());
	}

	@ParameterizedTest(name = "{0}: {1} {2}-{3} → {4} {5}")
	@CsvSource(textBlock = """
			# site kind, configured unit, factor, sent, stored, statistics converted alike (表4 note: one unit)
			# STANDARDS §3.9 gap 2 and §3.15 item 6: ambient PM sent in ng/m³, µg/m³ or mg/m³; stored in µg/m³
			AMBIENT, ng/m3,  a34004, 35200.000, 35.2
			AMBIENT, ng/m³,  a34004, 35200,     35.2
			AMBIENT, ug/m3,  a34004, 35.2,      35.2
			AMBIENT, µg/m³,  a34004, 35.2,      35.2
			AMBIENT, μg/m3,  a34004, 35.2,      35.2
			AMBIENT, UG/M3,  a34004, 35.2,      35.2
			AMBIENT, mg/m3,  a34002, 0.180,     180
			AMBIENT, mg/m3,  a21026, 0.020,     20
			# CO stays in mg/m³ (INTERFACES §3.1)
			AMBIENT, ug/m3,  a21005, 1200,      1.2
			AMBIENT, mg/m3,  a21005, 1.2,       1.2
			# stacks store mg/m³
			STACK,   ug/m3,  a34013, 4200,      4.2
			STACK,   mg/m3,  a34013, 4.2,       4.2
			# a00000 from a logger that sends m³/h instead of 表B.2's m³/s
			STACK,   m3/h,   a00000, 541800,    541800
			STACK,   m3/s,   a00000, 150.5,     541800
			""")
	void convertsTheConfiguredUnitExactly(SiteKind kind, String unit, String code, String sent, BigDecimal stored) {
		Site site = (kind == SiteKind.AMBIENT) ? ambient(Map.of(code, unit)) : stack(Map.of(code, unit));
		Reading reading = single(this.mapper.map(frame("22", "2061", "DataTime=20260115000000;" + code + "-Avg=" + sent
				+ "," + code + "-Min=" + sent + "," + code + "-Max=" + sent + "," + code + "-ZsAvg=" + sent), site));

		Measurement measurement = reading.values().values().iterator().next();
		assertThat(measurement.value()).isEqualByComparingTo(stored);
		assertThat(measurement.statistics()).containsOnlyKeys(Statistic.CORRECTED, Statistic.MIN, Statistic.MAX)
			.allSatisfy((statistic, value) -> assertThat(value).isEqualByComparingTo(stored));
	}

	@ParameterizedTest(name = "{0}-Cou={1} → {2}")
	@CsvSource(textBlock = """
			# 表B.2 排放量 unit: 克 for a21001 NH₃ and ambient PM, stored in kg; the configured
			# concentration unit does not apply to totals
			a21001, 1250,   1.25
			a34004, 12.5,   0.0125
			a21026, 1.25,   1.25
			""")
	void convertsTotalsFromTheirTableB2Unit(String code, String sent, BigDecimal kilograms) {
		Reading reading = single(this.mapper.map(
				frame("31", "2061", "DataTime=20260115000000;" + code + "-Avg=1," + code + "-Cou=" + sent),
				stack(Map.of(code, "ug/m3"))));

		assertThat(reading.values().values()).singleElement()
			.satisfies((measurement) -> assertThat(measurement.statistic(Statistic.TOTAL))
				.hasValueSatisfying((total) -> assertThat(total).isEqualByComparingTo(kilograms)));
	}

	@ParameterizedTest(name = "{0} for {1} → BAD_UNIT")
	@CsvSource(textBlock = """
			ppm,    a34004
			ug,     a34004
			'',     a34004
			%,      a34004
			m3/h,   a21026
			ug/m3,  a19001
			mg/m3,  a00000
			""")
	void refusesAFactorWhoseConfiguredUnitDoesNotFit(String unit, String code) {
		Mapped mapped = (Mapped) this.mapper.map(
				frame("22", "2011", "DataTime=20260115080000;a21004-Rtd=55;" + code + "-Rtd=1"),
				ambient(Map.of(code, unit)));

		assertThat(mapped.readings()).singleElement()
			.satisfies((reading) -> assertThat(reading.values()).containsOnlyKeys(Measurand.NO2));
		assertThat(mapped.rejections()).singleElement().satisfies((rejection) -> {
			assertThat(rejection.reason()).isEqualTo(RejectionReason.BAD_UNIT);
			assertThat(rejection.index()).isEqualTo(1);
			assertThat(rejection.detail()).contains(code).contains("BT-KDL-01");
		});
	}

	@Test
	void namesWhatIsWrongWithASitesUnits() {
		Site site = ambient(Map.of("a34004", "ng/m3", "a34002", "ppm", "a19001", "mg/m3", "a99999", "ug/m3"));

		assertThat(Hj212ReadingMapper.unitProblems(site)).containsExactly(
				"hj212.units: a19001 in mg/m³ cannot be converted to o2 in %",
				"hj212.units: a34002: unknown unit: 'ppm' (known: µg/m³, mg/m³, %, °C, kPa, m/s, m³/h, °, ng/m³, m³/s, g, kg, m³)",
				"hj212.units: factor code 'a99999' is not mapped (HJ 212-2017 表B.2)");
		assertThat(Hj212ReadingMapper.unitProblems(ambient(Map.of("a34004", "µg/m³", "a21005", "mg/m3")))).isEmpty();
		assertThat(Hj212ReadingMapper.unitProblems(STACK)).isEmpty();
	}

	@ParameterizedTest(name = "{0} → OUT_OF_RANGE")
	@ValueSource(strings = {
			// Measurand SO2 at a stack: [0, 50000] mg/m³; the statistics are judged like
			// the value
			"a21026-Avg=20,a21026-ZsAvg=50000.1", "a21026-Avg=20,a21026-Min=-0.1", "a21026-Avg=20,a21026-Max=50001",
			"a21026-Avg=20,a21026-ZsMin=-1", "a21026-Avg=20,a21026-ZsMax=60000",
			// a total is never negative
			"a21026-Avg=20,a21026-Cou=-0.01",
			// N14.2 (§3.4): at most 14 integer digits
			"a21026-Avg=20,a21026-Cou=100000000000000",
			// a minimum above its maximum
			"a21026-Avg=20,a21026-Min=21,a21026-Max=19", "a21026-Avg=20,a21026-ZsMin=30,a21026-ZsMax=29.9" })
	void refusesAFactorWithAnImplausibleStatistic(String factor) {
		Mapped mapped = (Mapped) this.mapper.map(frame("31", "2061", "DataTime=20260115080000;a21002-Avg=40;" + factor),
				STACK);

		assertThat(mapped.readings()).singleElement()
			.satisfies((reading) -> assertThat(reading.values()).containsOnlyKeys(Measurand.NOX));
		assertThat(mapped.rejections()).singleElement().satisfies((rejection) -> {
			assertThat(rejection.reason()).isEqualTo(RejectionReason.OUT_OF_RANGE);
			assertThat(rejection.index()).isEqualTo(1);
		});
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = {
			// the edges of the range are kept, as for values
			"a21026-Avg=20,a21026-ZsAvg=50000,a21026-Min=0,a21026-Max=50000,a21026-Cou=0",
			"a21026-Avg=20,a21026-Cou=99999999999999.99", "a21026-Avg=20,a21026-Min=20,a21026-Max=20" })
	void keepsStatisticsAtTheEdges(String factor) {
		Reading reading = single(this.mapper.map(frame("31", "2061", "DataTime=20260115080000;" + factor), STACK));

		assertThat(reading.values().get(Measurand.SO2).statistics()).isNotEmpty();
	}

	@Test
	void rejectsAValueThatIsImplausibleOnlyAfterUnitConversion() {
		// 5 000 001 ng/m³ = 5000.001 µg/m³ > 5000, the PM2.5 maximum
		Mapped mapped = (Mapped) this.mapper.map(frame("22", "2061", "DataTime=20260115080000;a34004-Avg=5000001"),
				ambient(Map.of("a34004", "ng/m3")));

		assertThat(mapped.readings()).isEmpty();
		assertThat(mapped.rejections()).extracting(ItemRejection::reason).containsExactly(RejectionReason.OUT_OF_RANGE);
	}

	@ParameterizedTest(name = "CN {0} → {1} from -{2}")
	@CsvSource(textBlock = """
			# 表9 CN, period (INTERFACES §4), suffix (表4)
			2011, SAMPLE, Rtd
			2051, MINUTE, Avg
			2061, HOUR,   Avg
			2031, DAY,    Avg
			""")
	void takesThePeriodFromTheCommandCode(String cn, ReadingPeriod period, String suffix) {
		Reading reading = single(
				this.mapper.map(frame("31", cn, "DataTime=20260115000000;a21026-" + suffix + "=20"), STACK));

		assertThat(reading.period()).isEqualTo(period);
		assertThat(reading.values())
			.containsExactly(Map.entry(Measurand.SO2, Measurement.normal(new BigDecimal("20"))));
	}

	@ParameterizedTest(name = "{0} in {1} → {2}")
	@CsvSource(textBlock = """
			# DataTime is local time (§2.5, §3.5); converted once with the configured zone (STYLE S-7)
			20260115080000, Asia/Shanghai, 2026-01-15T00:00:00Z
			20260101000000, Asia/Shanghai, 2025-12-31T16:00:00Z
			20260228235959, Asia/Shanghai, 2026-02-28T15:59:59Z
			20260115080000, UTC,           2026-01-15T08:00:00Z
			""")
	void convertsDataTimeInTheConfiguredZone(String dataTime, ZoneId zone, Instant expected) {
		Reading reading = single(new Hj212ReadingMapper(zone)
			.map(frame("31", "2061", "DataTime=" + dataTime + ";a21026-Avg=20"), STACK));

		assertThat(reading.time()).isEqualTo(expected);
	}

	@Test
	void mapsThe2005Codes() {
		// 表B.2 原编码: 01 烟尘, 02 SO2, 03 NOx, S01 O2, B02 废气 (m³/s); 2005 frames have no QN
		// and no Flag
		Hj212Frame frame = new Hj212Frame(null, "31", "2011", "123456", "BGSJ01", null, null, null,
				"DataTime=20160824003817;01-Rtd=12.3,01-Flag=N;02-Rtd=25.1,02-Flag=N;03-Rtd=40;S01-Rtd=9.1;B02-Rtd=2.5");

		Reading reading = single(this.mapper.map(frame, STACK));

		assertThat(reading.time()).isEqualTo(Instant.parse("2016-08-23T16:38:17Z"));
		assertThat(reading.values()).containsExactly(Map.entry(Measurand.SO2, Measurement.of("25.1", DataFlag.N)),
				Map.entry(Measurand.NOX, Measurement.of("40", DataFlag.N)),
				Map.entry(Measurand.PM, Measurement.of("12.3", DataFlag.N)),
				Map.entry(Measurand.O2, Measurement.of("9.1", DataFlag.N)),
				Map.entry(Measurand.FLOW, Measurement.of("9000.0", DataFlag.N)));
	}

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource(delimiter = '|', textBlock = """
			# one bad factor is rejected alone; the others of the frame still map
			a21003-Rtd=0.5                 | UNKNOWN_KEY
			PM25-Rtd=35                    | UNKNOWN_KEY
			a34004-Rtd=35,a34004-Flag=X    | BAD_FLAG
			a34004-Rtd=35,a34004-Flag=n    | BAD_FLAG
			a34004-Rtd=abc                 | NON_NUMERIC
			a34004-Rtd=1e3                 | NON_NUMERIC
			a34004-Rtd=                    | NON_NUMERIC
			a34004-Rtd=-0.1                | OUT_OF_RANGE
			a34004-Rtd=5000.1              | OUT_OF_RANGE
			a19001-Rtd=25.01               | OUT_OF_RANGE
			a34004-Avg=35                  | MISSING_FIELD
			a34004-Flag=N                  | MISSING_FIELD
			a34004-ZsRtd=35                | MISSING_FIELD
			a34004-Rtd=35,a34004-ZsRtd=x   | NON_NUMERIC
			a34004-Rtd=35,a34004-ZsRtd=5001 | OUT_OF_RANGE
			""")
	void rejectsOneFactorAndKeepsTheOthers(String bad, RejectionReason reason) {
		Mapped mapped = (Mapped) this.mapper
			.map(frame("22", "2011", "DataTime=20260115080000;a21026-Rtd=20;" + bad + ";a21004-Rtd=55"), AMBIENT);

		assertThat(mapped.readings()).singleElement()
			.satisfies((reading) -> assertThat(reading.values()).containsOnlyKeys(Measurand.SO2, Measurand.NO2));
		assertThat(mapped.rejections()).singleElement().satisfies((rejection) -> {
			assertThat(rejection.reason()).isEqualTo(reason);
			assertThat(rejection.index()).isEqualTo(1);
			assertThat(rejection.site()).isEqualTo("BT-KDL-01");
		});
	}

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource(delimiter = '|', textBlock = """
			# plausible range edges (Measurand): both sides kept, see rejectsOneFactor… for beyond
			a34004-Rtd=0       | 0
			a34004-Rtd=5000    | 5000
			a19001-Rtd=25      | 25
			# flow after × 3600: 27777.77 m³/s = 99 999 972.00 m³/h ≤ 1e8
			a00000-Rtd=27777.77 | 99999972.00
			""")
	void keepsValuesAtTheEdgesOfThePlausibleRange(String factor, BigDecimal expected) {
		Reading reading = single(this.mapper.map(frame("22", "2011", "DataTime=20260115080000;" + factor), STACK));

		assertThat(reading.values().values()).singleElement()
			.satisfies((measurement) -> assertThat(measurement.value()).isEqualTo(expected));
	}

	@Test
	void rejectsFlowThatIsImplausibleOnlyAfterConversion() {
		// 27777.78 m³/s = 100 000 008 m³/h > 1e8
		Mapped mapped = (Mapped) this.mapper.map(frame("31", "2011", "DataTime=20260115080000;a00000-Rtd=27777.78"),
				STACK);

		assertThat(mapped.readings()).isEmpty();
		assertThat(mapped.rejections()).extracting(ItemRejection::reason).containsExactly(RejectionReason.OUT_OF_RANGE);
	}

	@Test
	void keepsCoInMilligramsPerCubicMetre() {
		// 表B.2 a21005 mg/m³ = INTERFACES §3.1 co mg/m³: no conversion, exact text
		Reading reading = single(
				this.mapper.map(frame("22", "2061", "DataTime=20260115080000;a21005-Avg=0.835"), AMBIENT));

		assertThat(reading.values().get(Measurand.CO).value().toPlainString()).isEqualTo("0.835");
	}

	@Test
	void refusesCorrectedValuesWithoutTheMeasuredOne() {
		// -ZsRtd is kept beside -Rtd (表4); without it there is nothing to keep it beside
		Mapped mapped = (Mapped) this.mapper
			.map(frame("31", "2011", "DataTime=20260115080000;a21026-Rtd=20;a34013-ZsRtd=8.1,a34013-Flag=N"), STACK);

		assertThat(mapped.readings()).singleElement()
			.satisfies((reading) -> assertThat(reading.values()).containsOnlyKeys(Measurand.SO2));
		assertThat(mapped.rejections()).singleElement().satisfies((rejection) -> {
			assertThat(rejection.reason()).isEqualTo(RejectionReason.MISSING_FIELD);
			assertThat(rejection.detail())
				.isEqualTo("a34013-Rtd is absent for CN 2011; a34013-ZsRtd cannot be kept without it");
		});
	}

	@Test
	void rejectsAFrameWithoutDataTime() {
		Mapped mapped = (Mapped) this.mapper.map(frame("22", "2011", "a34004-Rtd=35"), AMBIENT);

		assertThat(mapped.readings()).isEmpty();
		assertThat(mapped.rejections()).singleElement().satisfies((rejection) -> {
			assertThat(rejection.reason()).isEqualTo(RejectionReason.MISSING_TIME);
			assertThat(rejection.index()).isEqualTo(-1);
		});
	}

	@Test
	void rejectsAFrameWhereEveryFactorIsRejected() {
		Mapped mapped = (Mapped) this.mapper
			.map(frame("22", "2011", "DataTime=20260115080000;a21003-Rtd=1;a34004-Rtd=x"), AMBIENT);

		assertThat(mapped.readings()).isEmpty();
		assertThat(mapped.rejections()).extracting(ItemRejection::reason)
			.containsExactly(RejectionReason.UNKNOWN_KEY, RejectionReason.NON_NUMERIC);
	}

	@Test
	void rejectsADataFrameWithoutValues() {
		Mapped mapped = (Mapped) this.mapper.map(frame("22", "2011", "DataTime=20260115080000"), AMBIENT);

		assertThat(mapped.readings()).isEmpty();
		assertThat(mapped.rejections()).extracting(ItemRejection::reason)
			.containsExactly(RejectionReason.MISSING_FIELD);
	}

	@Test
	void rejectsTheSecondCodeForTheSameMeasurand() {
		// a01001 温度 and a01012 烟气温度 are both temp
		Mapped mapped = (Mapped) this.mapper
			.map(frame("31", "2011", "DataTime=20260115080000;a01012-Rtd=120;a01001-Rtd=-5"), STACK);

		assertThat(mapped.readings()).singleElement()
			.satisfies((reading) -> assertThat(reading.values())
				.containsExactly(Map.entry(Measurand.TEMP, Measurement.of("120", DataFlag.N))));
		assertThat(mapped.rejections()).extracting(ItemRejection::index).containsExactly(1);
	}

	@ParameterizedTest
	@ValueSource(strings = { "9014", "9011", "1062", "2021", "2041", "1011", "9021" })
	void saysWhenAFrameIsNotADataUpload(String cn) {
		// 表9: only 2011, 2051, 2061 and 2031 carry pollutant data
		assertThat(this.mapper.map(frame("91", cn, "DataTime=20260115080000;a34004-Rtd=35"), AMBIENT))
			.isEqualTo(new NotDataUpload(cn));
	}

	private static Site ambient(Map<String, String> units) {
		return new Site(AMBIENT.id(), AMBIENT.name(), AMBIENT.kind(), AMBIENT.city(), AMBIENT.district(), null, null,
				true, null, null, null, null, null, new Hj212Access("BTKDL01", "123456", units));
	}

	private static Site stack(Map<String, String> units) {
		return new Site(STACK.id(), STACK.name(), STACK.kind(), STACK.city(), STACK.district(), null, null, true,
				STACK.enterprise(), STACK.industry(), STACK.fuel(), STACK.referenceO2(), STACK.limitProfile(),
				new Hj212Access("BGSJ01", "123456", units));
	}

	private static Measurement measurement(String value, DataFlag flag, Map<Statistic, BigDecimal> statistics) {
		return new Measurement(new BigDecimal(value), flag, statistics);
	}

	private static Hj212Frame frame(String st, String cn, String cp) {
		return new Hj212Frame("20260115080000123", st, cn, "123456", "BTKDL01", 4, null, null, cp);
	}

	private static Reading single(Result result) {
		assertThat(result).isInstanceOf(Mapped.class);
		Mapped mapped = (Mapped) result;
		assertThat(mapped.rejections()).isEmpty();
		assertThat(mapped.readings()).hasSize(1);
		return mapped.readings().get(0);
	}

}
