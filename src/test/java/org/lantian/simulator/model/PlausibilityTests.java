package org.lantian.simulator.model;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.lantian.domain.Reading;
import org.lantian.domain.Site;
import org.lantian.simulator.Plan;
import org.lantian.simulator.SimulatedPoint;
import org.lantian.simulator.TestWorld;

import static org.assertj.core.api.Assertions.assertThat;

class PlausibilityTests {

	@Test
	void everyValueOfEverySiteIsPlausibleForItsMeasurand() {
		List<PointModel> models = new ArrayList<>();
		for (Site site : TestWorld.catalogue().sites()) {
			models.add(PointModels.of(site, 99, List.of()));
		}
		for (String file : List.of("winter-episode.yaml", "sand-dust.yaml", "stack-events.yaml")) {
			Plan plan = TestWorld.scenario(file);
			plan.points().stream().map(SimulatedPoint::model).forEach(models::add);
		}
		Instant from = Instant.parse("2025-01-01T00:00:00+08:00");
		int checked = 0;
		for (PointModel model : models) {
			// every 7 h 13 min over a year reaches every hour of day and every season
			for (Instant t = from; t.isBefore(from.plus(Duration.ofDays(366))); t = t.plus(Duration.ofMinutes(433))) {
				Reading reading = model.sample(t).orElse(null);
				if (reading == null) {
					continue;
				}
				assertThat(reading.site()).isEqualTo(model.site().id());
				reading.values().forEach((measurand, value) -> {
					assertThat(measurand.isPlausible(value.value())).as("%s %s", model.site().id(), measurand).isTrue();
					value.statistics()
						.forEach((statistic, number) -> assertThat(statistic.isPlausible(measurand, number)).isTrue());
				});
				checked++;
			}
		}
		assertThat(checked).isGreaterThan(50_000);
	}

	@Test
	void everyCatalogueSiteHasAModel() {
		for (Site site : TestWorld.catalogue().sites()) {
			PointModel model = PointModels.of(site, 1, List.of());
			assertThat(model.site()).isEqualTo(site);
			assertThat(model.sample(Instant.parse("2025-12-01T09:00:00Z"))).isPresent();
		}
	}

}
