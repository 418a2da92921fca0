package org.lantian.rules.evaluation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sliding window against the obvious list it replaces: after every step, in any order
 * of arrival, its size, exact sum, minimum and maximum are those of the values still in
 * the window.
 */
class SlidingWindowPropertyTests {

	private static final Instant T0 = Instant.parse("2026-01-16T00:00:00Z");

	@Property(tries = 500)
	void agreesWithAPlainListAfterEveryStep(@ForAll("steps") List<Step> steps) {
		SlidingWindow window = new SlidingWindow();
		List<Step> kept = new ArrayList<>();
		for (Step step : steps) {
			if (step.kind() == Kind.DROP_OLDEST) {
				window.dropOldest();
				kept.sort(Comparator.comparing(Step::second));
				if (!kept.isEmpty()) {
					kept.remove(0);
				}
			}
			else if (step.kind() == Kind.DROP_UNTIL) {
				Instant start = T0.plusSeconds(step.second());
				window.dropUntil(start, step.inclusive());
				// a plain list drops the values before the start in time order, oldest
				// first
				kept.sort(Comparator.comparing(Step::second));
				while (!kept.isEmpty() && (step.inclusive() ? kept.get(0).second() <= step.second()
						: kept.get(0).second() < step.second())) {
					kept.remove(0);
				}
			}
			else {
				window.add(T0.plusSeconds(step.second()), step.value());
				kept.add(step);
			}
			assertThat(window.size()).isEqualTo(kept.size());
			assertThat(window.sum())
				.isEqualByComparingTo(kept.stream().map(Step::value).reduce(BigDecimal.ZERO, BigDecimal::add));
			assertThat(window.max()).isEqualTo(kept.stream().map(Step::value).max(BigDecimal::compareTo).orElse(null));
			assertThat(window.min()).isEqualTo(kept.stream().map(Step::value).min(BigDecimal::compareTo).orElse(null));
		}
	}

	@Test
	void aLateValueTakesItsPlaceInTimeAndLeavesFirst() {
		SlidingWindow window = new SlidingWindow();
		window.add(T0.plusSeconds(60), new BigDecimal("5"));
		window.add(T0.plusSeconds(120), new BigDecimal("7"));
		window.add(T0.plusSeconds(30), new BigDecimal("90")); // late, oldest of the three
		assertThat(window.max()).isEqualByComparingTo("90");
		assertThat(window.newest()).isEqualTo(T0.plusSeconds(120));
		window.dropUntil(T0.plusSeconds(30), true);
		assertThat(window.max()).isEqualByComparingTo("7");
		assertThat(window.min()).isEqualByComparingTo("5");
		assertThat(window.sum()).isEqualByComparingTo("12");
	}

	@Provide
	Arbitrary<List<Step>> steps() {
		// few distinct values and seconds so that ties in value and time are common
		Arbitrary<BigDecimal> values = Arbitraries.integers().between(-5, 20).map((v) -> BigDecimal.valueOf(v, 1));
		Arbitrary<Step> add = Combinators.combine(Arbitraries.integers().between(0, 40), values)
			.as((second, value) -> new Step(Kind.ADD, second, value, false));
		Arbitrary<Step> drop = Combinators.combine(Arbitraries.integers().between(0, 40), Arbitraries.of(true, false))
			.as((second, inclusive) -> new Step(Kind.DROP_UNTIL, second, BigDecimal.ZERO, inclusive));
		Arbitrary<Step> dropOldest = Arbitraries.just(new Step(Kind.DROP_OLDEST, 0, BigDecimal.ZERO, false));
		return Arbitraries.frequencyOf(Tuple.of(8, add), Tuple.of(2, drop), Tuple.of(1, dropOldest))
			.list()
			.ofMaxSize(60);
	}

	enum Kind {

		ADD, DROP_UNTIL, DROP_OLDEST

	}

	record Step(Kind kind, int second, BigDecimal value, boolean inclusive) {
	}

}
