package org.lantian.simulator.device;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.lantian.domain.DataFlag;
import org.lantian.domain.Measurand;
import org.lantian.domain.Measurement;
import org.lantian.domain.Reading;
import org.lantian.domain.ReadingPeriod;
import org.lantian.domain.SiteId;
import org.lantian.domain.SiteKind;
import org.lantian.domain.Statistic;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The aggregator keeps running statistics instead of a period's samples; whatever the
 * samples (flags, scales, corrected values on some only), the minute it closes is the one
 * {@link PeriodAggregator#aggregate(SiteId, SiteKind, ReadingPeriod, Instant, List)}
 * computes from all of them.
 */
class PeriodAggregatorPropertyTests {

	private static final SiteId SITE = SiteId.of("BT-STEEL-S1");

	private static final Instant MINUTE = Instant.parse("2026-01-15T00:00:00Z");

	@Property(tries = 300)
	void theRunningMinuteEqualsTheMinuteOfAllItsSamples(@ForAll("samples") List<Map<Measurand, Measurement>> values,
			@ForAll SiteKind kind) {
		PeriodAggregator aggregator = new PeriodAggregator(SITE, kind);
		List<Reading> samples = new ArrayList<>();
		for (int i = 0; i < values.size(); i++) {
			Reading sample = new Reading(SITE, MINUTE.plusSeconds(i), ReadingPeriod.SAMPLE, values.get(i));
			samples.add(sample);
			assertThat(aggregator.add(sample)).isEmpty();
		}

		List<Reading> closed = aggregator.closeUpTo(MINUTE.plusSeconds(60));

		assertThat(closed).containsExactlyElementsOf(
				PeriodAggregator.aggregate(SITE, kind, ReadingPeriod.MINUTE, MINUTE, samples).stream().toList());
	}

	@Provide
	Arbitrary<List<Map<Measurand, Measurement>>> samples() {
		Arbitrary<Measurement> measurement = Combinators
			.combine(Arbitraries.integers().between(0, 99_999), Arbitraries.integers().between(0, 3),
					Arbitraries.of(DataFlag.N, DataFlag.N, DataFlag.N, DataFlag.C, DataFlag.D, DataFlag.M),
					Arbitraries.of(true, false))
			.as((unscaled, scale, flag, corrected) -> {
				BigDecimal value = BigDecimal.valueOf(unscaled, scale);
				return corrected
						? new Measurement(value, flag,
								Map.of(Statistic.CORRECTED, value.multiply(new BigDecimal("1.25"))))
						: new Measurement(value, flag);
			});
		Arbitrary<Map<Measurand, Measurement>> sample = Arbitraries
			.maps(Arbitraries.of(Measurand.SO2, Measurand.NOX, Measurand.PM), measurement)
			.ofMinSize(1)
			.ofMaxSize(3)
			.map(EnumMap::new);
		return sample.list().ofMinSize(1).ofMaxSize(60);
	}

}
