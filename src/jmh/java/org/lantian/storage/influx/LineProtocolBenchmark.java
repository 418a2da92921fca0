package org.lantian.storage.influx;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.lantian.domain.DataFlag;
import org.lantian.domain.Measurand;
import org.lantian.domain.Measurement;
import org.lantian.domain.Reading;
import org.lantian.domain.ReadingPeriod;
import org.lantian.domain.Site;
import org.lantian.domain.SiteId;
import org.lantian.domain.SiteKind;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Line-protocol encoding of a typical ambient sample (six values with flags), the writer's per-reading cost on the
 * caller's thread. Run: {@code mvn -Pjmh -DskipTests package}, then the JMH main class with this benchmark's name.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@org.openjdk.jmh.annotations.Measurement(iterations = 5, time = 1)
@Fork(1)
public class LineProtocolBenchmark {

	private Site site;

	private Reading reading;

	private Site awkwardSite;

	private Reading awkwardReading;

	@Setup
	public void setUp() {
		SiteId id = SiteId.of("BT-KDL-01");
		this.site = new Site(id, "包头 昆都仑区", SiteKind.AMBIENT, "包头市", "昆都仑区", 40.6, 109.8, true, null, null, null,
				null, null, null);
		Map<Measurand, Measurement> values = new EnumMap<>(Measurand.class);
		values.put(Measurand.PM25, Measurement.normal(new BigDecimal("135.2")));
		values.put(Measurand.PM10, Measurement.normal(new BigDecimal("180.0")));
		values.put(Measurand.SO2, Measurement.normal(new BigDecimal("20")));
		values.put(Measurand.NO2, Measurement.normal(new BigDecimal("55")));
		values.put(Measurand.CO, new Measurement(new BigDecimal("1.2"), DataFlag.M));
		values.put(Measurand.O3, Measurement.normal(new BigDecimal("12")));
		Instant time = Instant.parse("2026-01-15T00:00:00Z");
		this.reading = new Reading(id, time, ReadingPeriod.SAMPLE, values);
		SiteId awkwardId = SiteId.of("HH-X.1_a");
		this.awkwardSite = new Site(awkwardId, "呼和浩特", SiteKind.AMBIENT, "Hohhot, 呼和浩特 = capital", "新城区", null,
				null, false, null, null, null, null, null, null);
		this.awkwardReading = new Reading(awkwardId, time, ReadingPeriod.SAMPLE, values);
	}

	@Benchmark
	public String typicalSample() {
		return LineProtocol.encode(this.reading, this.site);
	}

	@Benchmark
	public String sampleOfASiteWhoseCityNeedsEscaping() {
		return LineProtocol.encode(this.awkwardReading, this.awkwardSite);
	}

}
