package org.lantian.ingest.json;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.lantian.domain.Site;
import org.lantian.domain.SiteCatalogue;
import org.lantian.domain.SiteId;
import org.lantian.domain.SiteKind;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What parsing costs per MQTT message: one six-value reading, and a batch of 100 (S-25).
 * <p>
 * {@code mvn -Pjmh -DskipTests package}, then run {@code org.openjdk.jmh.Main JsonReadingParserBenchmark} with the
 * test class path (see {@code bench/}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class JsonReadingParserBenchmark {

	private static final Instant NOW = Instant.parse("2026-01-15T01:00:00Z");

	private static final SiteId SITE = SiteId.of("BT-KDL-01");

	private JsonReadingParser parser;

	private byte[] single;

	private byte[] batch;

	@Setup
	public void setUp() {
		SiteCatalogue catalogue = SiteCatalogue.of(List.of(new Site(SITE, "包头 昆都仑区", SiteKind.AMBIENT, "包头市",
				"昆都仑区", 40.6, 109.8, true, null, null, null, null, null, null)));
		this.parser = new JsonReadingParser(catalogue, Clock.fixed(NOW, ZoneOffset.UTC));
		this.single = reading(0).getBytes(StandardCharsets.UTF_8);
		this.batch = IntStream.range(0, 100)
			.mapToObj(JsonReadingParserBenchmark::reading)
			.collect(Collectors.joining(",", "[", "]"))
			.getBytes(StandardCharsets.UTF_8);
		check(this.parser.parse(this.single, SITE), 1);
		check(this.parser.parse(this.batch, SITE), 100);
	}

	@Benchmark
	public ParsedPayload sixValueReading() {
		return this.parser.parse(this.single, SITE);
	}

	@Benchmark
	public ParsedPayload hundredReadingBatch() {
		return this.parser.parse(this.batch, SITE);
	}

	private static String reading(int second) {
		BigDecimal pm25 = new BigDecimal("135.2").add(BigDecimal.valueOf(second, 1));
		return ("{\"site\": \"BT-KDL-01\", \"time\": \"2026-01-15T08:%02d:%02d+08:00\", \"values\": {\"pm25\": %s, "
				+ "\"pm10\": 180.0, \"so2\": 20, \"no2\": 55, \"co\": 1.2, \"o3\": 12}, \"flags\": {\"pm25\": \"N\"}}")
			.formatted(second / 60, second % 60, pm25.toPlainString());
	}

	private static void check(ParsedPayload parsed, int readings) {
		if (parsed.accepted().size() != readings || !parsed.refused().isEmpty()) {
			throw new IllegalStateException("benchmark input is not valid: " + parsed.rejections());
		}
	}

}
