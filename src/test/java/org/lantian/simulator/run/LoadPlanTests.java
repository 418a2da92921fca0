package org.lantian.simulator.run;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lantian.domain.Measurand;
import org.lantian.domain.Reading;
import org.lantian.domain.SiteKind;
import org.lantian.domain.Statistic;
import org.lantian.simulator.Link;
import org.lantian.simulator.SimulatedPoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class LoadPlanTests {

	@Test
	void writesACatalogueOfTheSitesItSimulates(@TempDir Path directory) throws Exception {
		LoadPlan.Settings settings = LoadPlan.Settings.parse(List.of("sites=8", "rate=4", "seconds=30"));
		Instant start = Instant.parse("2026-01-15T00:00:00Z");

		LoadPlan load = LoadPlan.create(settings, 7, start, directory.resolve("load-sites.yaml"));

		assertThat(Files.readString(load.catalogueFile())).contains("LOAD-S00002", "LOADSIM0000000000000002");
		assertThat(load.catalogue().size()).isEqualTo(8);
		assertThat(load.plan().points()).hasSize(8);
		// 8 sites at 4 samples per second together: each samples every 2 s
		assertThat(load.plan().sampleInterval()).isEqualTo(Duration.ofSeconds(2));
		assertThat(load.plan().end()).isEqualTo(start.plusSeconds(30));
		assertThat(load.plan().points()).extracting(SimulatedPoint::link)
			.containsOnly(Link.MQTT_JSON, Link.HJ212_TCP, Link.HJ212_MQTT);
		for (SimulatedPoint point : load.plan().points()) {
			boolean stack = point.model().site().kind() == SiteKind.STACK;
			assertThat(point.link() != Link.MQTT_JSON).isEqualTo(stack);
			assertThat(load.catalogue().find(point.model().site().id())).contains(point.model().site());
			assertThat(point.model().sample(start)).isEqualTo(point.model().sample(start));
		}
	}

	@Test
	void refusesMoreThanOneSampleASecondPerHj212Logger() {
		// HJ 212-2017 表4: DataTime is YYYYMMDDhhmmss, whole seconds
		assertThatIllegalArgumentException()
			.isThrownBy(() -> LoadPlan.Settings.parse(List.of("sites=200", "rate=2000", "seconds=60")))
			.withMessageContaining("whole seconds");
		assertThat(LoadPlan.Settings.parse(List.of("sites=200", "rate=2000", "seconds=60", "link=mqtt_json")).rate())
			.isEqualTo(2000);
		assertThat(LoadPlan.Settings.parse(List.of("sites=200", "rate=200", "seconds=60")).rate()).isEqualTo(200);
	}

	@Test
	void refusesUnknownSettings() {
		assertThatIllegalArgumentException().isThrownBy(() -> LoadPlan.Settings.parse(List.of("sites=8", "speed=2")));
		assertThatIllegalArgumentException().isThrownBy(() -> LoadPlan.Settings.parse(List.of("sites=0")));
	}

	@Test
	void loadSamplesHaveOneDecimalAndStacksACorrectedValueOf1point2Times(@TempDir Path directory) throws Exception {
		LoadPlan load = LoadPlan.create(LoadPlan.Settings.parse(List.of("sites=2", "rate=2", "seconds=10")), 7,
				Instant.parse("2026-01-15T00:00:00Z"), directory.resolve("load-sites.yaml"));
		Instant time = Instant.parse("2026-01-15T00:00:01Z");
		for (SimulatedPoint point : load.plan().points()) {
			Reading sample = point.model().sample(time).orElseThrow();
			// the same seed, site and instant give the same sample (PointModel)
			assertThat(point.model().sample(time)).contains(sample);
			assertThat(sample.values()).hasSize(6);
			sample.values().forEach((measurand, measurement) -> {
				assertThat(measurement.value().scale()).as(measurand.key()).isEqualTo(1);
				BigDecimal corrected = measurement.statistics().get(Statistic.CORRECTED);
				if (corrected != null) {
					assertThat(corrected).isEqualByComparingTo(measurement.value().multiply(new BigDecimal("1.2")));
				}
			});
		}
		assertThat(load.plan().points().get(1).model().sample(time).orElseThrow().values()).containsKey(Measurand.SO2)
			.satisfies((values) -> assertThat(values.get(Measurand.SO2).statistics()).containsKey(Statistic.CORRECTED));
	}

}
