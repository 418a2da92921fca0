package org.lantian.simulator.model;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.lantian.domain.Measurand;
import org.lantian.domain.Measurement;
import org.lantian.domain.Reading;

/** Sampling a model over a time range, and the statistics the tests assert on. */
final class Series {

	private Series() {
	}

	static List<Reading> sample(PointModel model, Instant from, Instant to, Duration step) {
		List<Reading> readings = new ArrayList<>();
		for (Instant t = from; t.isBefore(to); t = t.plus(step)) {
			model.sample(t).ifPresent(readings::add);
		}
		return readings;
	}

	static double[] values(List<Reading> readings, Measurand measurand) {
		return readings.stream()
			.map((reading) -> reading.values().get(measurand))
			.map(Measurement::value)
			.mapToDouble(BigDecimal::doubleValue)
			.toArray();
	}

	static double value(Optional<Reading> reading, Measurand measurand) {
		return reading.orElseThrow().values().get(measurand).value().doubleValue();
	}

	static double mean(double[] values) {
		double sum = 0;
		for (double value : values) {
			sum += value;
		}
		return sum / values.length;
	}

	static double pearson(double[] x, double[] y) {
		double mx = mean(x);
		double my = mean(y);
		double sxy = 0;
		double sxx = 0;
		double syy = 0;
		for (int i = 0; i < x.length; i++) {
			sxy += (x[i] - mx) * (y[i] - my);
			sxx += (x[i] - mx) * (x[i] - mx);
			syy += (y[i] - my) * (y[i] - my);
		}
		return sxy / Math.sqrt(sxx * syy);
	}

}
