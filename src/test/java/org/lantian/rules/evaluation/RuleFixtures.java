package org.lantian.rules.evaluation;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

import org.lantian.domain.DataFlag;
import org.lantian.domain.Enterprise;
import org.lantian.domain.Measurand;
import org.lantian.domain.Measurement;
import org.lantian.domain.Reading;
import org.lantian.domain.ReadingPeriod;
import org.lantian.domain.Site;
import org.lantian.domain.SiteId;
import org.lantian.domain.SiteKind;
import org.lantian.rules.Severity;

/** Sites, readings and rule basics for the evaluator tests. */
final class RuleFixtures {

	static final Instant T0 = Instant.parse("2026-01-15T00:00:00Z");

	/** A coal-power stack at 6 % reference O₂ on the ultra-low profile (SO₂ 35 mg/m³). */
	static final Site STACK = new Site(SiteId.of("BM-POWER-1"), "电厂1号烟囱", SiteKind.STACK, "巴彦淖尔市", "临河区", null, null,
			true, new Enterprise("BM-POWER", "电厂"), "power", "coal", new BigDecimal("6"), "ultra-low-coal-power", null);

	static final Site AMBIENT = new Site(SiteId.of("BT-KDL-01"), "昆都仑区站", SiteKind.AMBIENT, "包头市", "昆都仑区", null, null,
			true, null, null, null, null, null, null);

	private RuleFixtures() {
	}

	static RuleBasics basics() {
		return new RuleBasics("r", Severity.HIGH, Clearing.DEFAULT);
	}

	static RuleBasics basics(Duration clearFor) {
		return new RuleBasics("r", Severity.HIGH, new Clearing(new BigDecimal("0.05"), clearFor));
	}

	static Reading at(Site site, Instant time, Measurand key, String value) {
		return at(site, time, key, value, DataFlag.N);
	}

	static Reading at(Site site, Instant time, Measurand key, String value, DataFlag flag) {
		return new Reading(site.id(), time, ReadingPeriod.SAMPLE, Map.of(key, Measurement.of(value, flag)));
	}

	static Reading of(Site site, Instant time, Map<Measurand, String> values) {
		Map<Measurand, Measurement> map = new EnumMap<>(Measurand.class);
		values.forEach((key, value) -> map.put(key, Measurement.normal(new BigDecimal(value))));
		return new Reading(site.id(), time, ReadingPeriod.SAMPLE, map);
	}

	static Instant minutes(long minutes) {
		return T0.plus(Duration.ofMinutes(minutes));
	}

}
