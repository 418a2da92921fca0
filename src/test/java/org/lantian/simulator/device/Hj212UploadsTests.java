package org.lantian.simulator.device;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
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
import org.lantian.ingest.hj212.Hj212Decoder;
import org.lantian.ingest.hj212.Hj212Encoder;
import org.lantian.ingest.hj212.Hj212Frame;
import org.lantian.ingest.hj212.Hj212ReadingMapper;

import static org.assertj.core.api.Assertions.assertThat;

class Hj212UploadsTests {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	private static final Instant T0 = Instant.parse("2026-01-15T00:00:00Z");

	private final Hj212Uploads uploads = new Hj212Uploads(SHANGHAI);

	private final Hj212Encoder encoder = new Hj212Encoder();

	private final Hj212Decoder decoder = new Hj212Decoder();

	private final Hj212ReadingMapper mapper = new Hj212ReadingMapper(SHANGHAI);

	private final AtomicLong qn = new AtomicLong(20260115080000000L);

	private final Supplier<String> qns = () -> Long.toString(this.qn.getAndIncrement());

	@Test
	void aSampleIsOneCn2011UploadWithFlag5AndLocalDataTime() {
		Site site = ambient(Map.of());
		Reading sample = new Reading(site.id(), T0, ReadingPeriod.SAMPLE, Map.of(Measurand.PM25,
				Measurement.of("35.2", DataFlag.N), Measurand.SO2, Measurement.of("12", DataFlag.M)));

		List<Hj212Frame> frames = this.uploads.uploads(sample, site, this.qns);

		assertThat(frames).hasSize(1);
		Hj212Frame frame = this.decoder.decode(this.encoder.encode(frames.get(0)));
		// 表3: Flag=5 is HJ 212-2017 (V bits 000001) with A = 1; ST 22 空气质量监测 (表5)
		assertThat(frame.flag()).isEqualTo(5);
		assertThat(frame.replyRequested()).isTrue();
		assertThat(frame.st()).isEqualTo("22");
		assertThat(frame.cn()).isEqualTo("2011");
		assertThat(frame.qn()).isEqualTo("20260115080000000");
		assertThat(frame.mn()).isEqualTo("KDLAMBIENT01");
		assertThat(frame.cp())
			.isEqualTo("DataTime=20260115080000;a34004-Rtd=35.2,a34004-Flag=N;a21026-Rtd=12,a21026-Flag=M");
	}

	@Test
	void anHourOfAStackMapsBackToTheSameValuesStatisticsAndFlags() {
		Site site = stack(Map.of());
		Map<Measurand, Measurement> values = new EnumMap<>(Measurand.class);
		values.put(Measurand.SO2,
				new Measurement(new BigDecimal("24.5"), DataFlag.N,
						Map.of(Statistic.MIN, new BigDecimal("20.1"), Statistic.MAX, new BigDecimal("30.2"),
								Statistic.CORRECTED, new BigDecimal("33.4"), Statistic.CORRECTED_MIN,
								new BigDecimal("27.0"), Statistic.CORRECTED_MAX, new BigDecimal("41.9"))));
		values.put(Measurand.O2, new Measurement(new BigDecimal("12.3"), DataFlag.D,
				Map.of(Statistic.MIN, new BigDecimal("11.0"), Statistic.MAX, new BigDecimal("13.0"))));
		values.put(Measurand.TEMP, Measurement.of("95.5", DataFlag.N));
		Reading hour = new Reading(site.id(), T0, ReadingPeriod.HOUR, values);

		List<Hj212Frame> frames = this.uploads.uploads(hour, site, this.qns);

		assertThat(frames).hasSize(1);
		Hj212Frame frame = this.decoder.decode(this.encoder.encode(frames.get(0)));
		assertThat(frame.cn()).isEqualTo("2061");
		assertThat(frame.st()).isEqualTo("31"); // 表5: 大气环境污染源
		assertThat(frame.cp()).contains("a01012-Avg=95.5"); // 烟气温度 at a stack, 表B.2
		assertThat(mapped(frame, site)).isEqualTo(hour);
	}

	@Test
	void valuesGoOutInTheSitesConfiguredUnitAndComeBackInTheirOwn() {
		Site site = ambient(Map.of("a34004", "ng/m3"));
		Reading sample = new Reading(site.id(), T0, ReadingPeriod.SAMPLE,
				Map.of(Measurand.PM25, Measurement.of("35.2", DataFlag.N)));

		Hj212Frame frame = this.uploads.uploads(sample, site, this.qns).get(0);

		assertThat(frame.cp()).contains("a34004-Rtd=35200,");
		assertThat(mapped(frame, site).values().get(Measurand.PM25).value()).isEqualByComparingTo("35.2");
	}

	@Test
	void flowGoesOutInCubicMetresPerSecondAsTableB2Prints() {
		Site site = stack(Map.of());
		Reading sample = new Reading(site.id(), T0, ReadingPeriod.SAMPLE,
				Map.of(Measurand.FLOW, Measurement.of("360000", DataFlag.N)));

		Hj212Frame frame = this.uploads.uploads(sample, site, this.qns).get(0);

		// 表B.2: a00000 in m³/s; 360000 m³/h = 100 m³/s
		assertThat(frame.cp()).contains("a00000-Rtd=100,");
	}

	@Test
	void factorsBeyondOneDataSegmentAreSpreadOverCompleteUploadsOfTheSameDataTime() {
		Site site = stack(Map.of());
		Map<Measurand, Measurement> values = new EnumMap<>(Measurand.class);
		for (Measurand measurand : List.of(Measurand.PM, Measurand.SO2, Measurand.NOX, Measurand.CO, Measurand.NMHC,
				Measurand.NH3, Measurand.NO2, Measurand.O2, Measurand.TEMP, Measurand.PRESSURE, Measurand.HUMIDITY,
				Measurand.VELOCITY)) {
			values.put(measurand,
					new Measurement(new BigDecimal("1234.567"), DataFlag.N,
							Map.of(Statistic.MIN, new BigDecimal("1000.123"), Statistic.MAX, new BigDecimal("1999.987"),
									Statistic.CORRECTED, new BigDecimal("1500.555"), Statistic.CORRECTED_MIN,
									new BigDecimal("1200.111"), Statistic.CORRECTED_MAX, new BigDecimal("1800.999"))));
		}
		values.put(Measurand.O2, Measurement.of("12.5", DataFlag.N));
		values.put(Measurand.TEMP, Measurement.of("95.5", DataFlag.N));
		values.put(Measurand.HUMIDITY, Measurement.of("9.5", DataFlag.N));
		values.put(Measurand.VELOCITY, Measurement.of("15.5", DataFlag.N));
		values.put(Measurand.PRESSURE, Measurement.of("101.3", DataFlag.N));
		Reading hour = new Reading(site.id(), T0, ReadingPeriod.HOUR, values);

		List<Hj212Frame> frames = this.uploads.uploads(hour, site, this.qns);

		assertThat(frames).hasSizeGreaterThan(1);
		Map<Measurand, Measurement> together = new EnumMap<>(Measurand.class);
		List<String> qnsSeen = new ArrayList<>();
		for (Hj212Frame frame : frames) {
			String text = this.encoder.encode(frame);
			// 表2: the data segment is at most 1024 bytes
			assertThat(Integer.parseInt(text.substring(2, 6))).isLessThanOrEqualTo(1024);
			assertThat(text.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(1036);
			Hj212Frame decoded = this.decoder.decode(text);
			assertThat(decoded.split()).isFalse();
			assertThat(decoded.dataArea().fields()).containsEntry("DataTime", "20260115080000");
			qnsSeen.add(decoded.qn());
			together.putAll(mapped(decoded, site).values());
		}
		assertThat(qnsSeen).doesNotHaveDuplicates();
		assertThat(together).isEqualTo(values);
	}

	private Reading mapped(Hj212Frame frame, Site site) {
		Hj212ReadingMapper.Mapped mapped = (Hj212ReadingMapper.Mapped) this.mapper.map(frame, site);
		assertThat(mapped.rejections()).isEmpty();
		return mapped.readings().get(0);
	}

	static Site ambient(Map<String, String> units) {
		return new Site(SiteId.of("BT-KDL-01"), "昆都仑区站", SiteKind.AMBIENT, "包头市", "昆都仑区", null, null, true, null, null,
				null, null, null, new Hj212Access("KDLAMBIENT01", "123456", units));
	}

	static Site stack(Map<String, String> units) {
		return new Site(SiteId.of("BT-STEEL-S1"), "烧结机头", SiteKind.STACK, "包头市", "昆都仑区", null, null, true,
				new Enterprise("BT-STEEL", "包钢"), "steel", "coal", new BigDecimal("16"), null,
				new Hj212Access("BTSTEEL0000000000000S001", "123456", units));
	}

}
