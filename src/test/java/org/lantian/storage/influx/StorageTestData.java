package org.lantian.storage.influx;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.lantian.domain.DataFlag;
import org.lantian.domain.Enterprise;
import org.lantian.domain.Measurand;
import org.lantian.domain.Measurement;
import org.lantian.domain.Reading;
import org.lantian.domain.ReadingPeriod;
import org.lantian.domain.Site;
import org.lantian.domain.SiteCatalogue;
import org.lantian.domain.SiteId;
import org.lantian.domain.SiteKind;

/**
 * Sites and readings for storage tests: two ambient stations in Baotou, a stack of 包钢,
 * and a site whose city needs every escape line protocol has.
 */
final class StorageTestData {

	static final SiteId KUNDULUN = SiteId.of("BT-KDL-01");

	static final SiteId DONGHE = SiteId.of("BT-DH-01");

	static final SiteId BAOGANG_STACK = SiteId.of("BT-BG-S01");

	static final SiteId AWKWARD = SiteId.of("HH-X.1_a");

	/** A city name with a comma, spaces, equals signs, quotes and a backslash. */
	static final String AWKWARD_CITY = "Hohhot, \"呼和浩特\" = city\\capital 'x'";

	private StorageTestData() {
	}

	static SiteCatalogue catalogue() {
		return SiteCatalogue.of(List.of(ambient(KUNDULUN, "包头市", "昆都仑区"), ambient(DONGHE, "包头市", "东河区"),
				new Site(BAOGANG_STACK, "包钢 1# 烧结机头", SiteKind.STACK, "包头市", "昆都仑区", 40.65, 109.82, true,
						new Enterprise("BAOGANG", "包头钢铁（集团）有限责任公司"), "steel", "coal", new BigDecimal("16"),
						"steel-sintering", null),
				ambient(AWKWARD, AWKWARD_CITY, "新城区")));
	}

	static Site site(SiteId id) {
		return catalogue().find(id).orElseThrow();
	}

	static Site ambient(SiteId id, String city, String district) {
		return new Site(id, "站 " + id, SiteKind.AMBIENT, city, district, 40.6, 109.8, true, null, null, null, null,
				null, null);
	}

	static Instant at(String offsetDateTime) {
		return OffsetDateTime.parse(offsetDateTime).toInstant();
	}

	/**
	 * A sample reading; {@code values} alternates measurand key and value ("pm25",
	 * "35.2", ...), all flagged N.
	 */
	static Reading sample(SiteId site, Instant time, String... values) {
		return reading(site, time, ReadingPeriod.SAMPLE, values);
	}

	static Reading reading(SiteId site, Instant time, ReadingPeriod period, String... values) {
		Map<Measurand, Measurement> measurements = new EnumMap<>(Measurand.class);
		for (int i = 0; i < values.length; i += 2) {
			measurements.put(Measurand.fromKey(values[i]).orElseThrow(), Measurement.of(values[i + 1], DataFlag.N));
		}
		return new Reading(site, time, period, measurements);
	}

	static Reading flagged(SiteId site, Instant time, Measurand measurand, String value, DataFlag flag) {
		return new Reading(site, time, ReadingPeriod.SAMPLE, Map.of(measurand, Measurement.of(value, flag)));
	}

	/** The six values of a typical ambient sample. */
	static Reading typical(SiteId site, Instant time) {
		return sample(site, time, "pm25", "35.2", "pm10", "80", "so2", "12", "no2", "45.5", "co", "1.2", "o3", "60");
	}

}
