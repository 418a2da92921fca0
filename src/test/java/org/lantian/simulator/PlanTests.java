package org.lantian.simulator;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PlanTests {

	@Test
	void aWindowReplaysTheSamePointsUnpaced() {
		Plan plan = TestWorld.scenario("winter-episode.yaml");
		Instant from = Instant.parse("2025-01-09T06:00:00+08:00");

		Plan window = plan.window(from, from.plus(Duration.ofHours(2)));

		assertThat(window.speed()).isEqualTo(Plan.UNPACED).isInfinite();
		assertThat(window.start()).isEqualTo(from);
		assertThat(window.end()).isEqualTo(Instant.parse("2025-01-09T00:00:00Z"));
		assertThat(window.points()).isEqualTo(plan.points());
		assertThat(window.seed()).isEqualTo(plan.seed());
		assertThat(window.sampleInterval()).isEqualTo(plan.sampleInterval());
	}

	@Test
	void rejectsASpeedThatIsNotPositiveAndAnEndBeforeTheStart() {
		Plan plan = TestWorld.scenario("e2e.yaml");
		for (double speed : new double[] { 0, -1, Double.NaN }) {
			assertThatIllegalArgumentException()
				.isThrownBy(() -> new Plan("t", 1, plan.start(), null, speed, plan.sampleInterval(), plan.points()))
				.withMessageContaining("speed must be positive");
		}
		assertThatIllegalArgumentException().isThrownBy(() -> plan.window(plan.start(), plan.start()))
			.withMessageContaining("is not after start");
	}

}
