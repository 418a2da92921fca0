package org.lantian.ingest;

import java.util.ArrayList;
import java.util.List;

import org.lantian.ingest.hj212.Hj212Frame;
import org.lantian.infra.LocalInfrastructure;

/**
 * What the HJ 212 integration tests (TCP and MQTT) send and look up: an hourly upload of
 * a stack, the rejections of one source, and the hourly points stored for a day.
 */
public final class TestHj212Uploads {

	private TestHj212Uploads() {
	}

	/** A 2061 hourly upload of a sintering stack, Flag=5 (HJ 212-2017, reply wanted). */
	public static Hj212Frame hourly(String qn, String dataTime, String mn, String password) {
		return new Hj212Frame(qn, "31", "2061", password, mn, 5, null, null,
				"DataTime=" + dataTime + ";a21026-Avg=20.5,a21026-Flag=N;a21002-Avg=35.1,a21002-Flag=N;"
						+ "a34013-Avg=4.2,a34013-Flag=N;a19001-Avg=16.3,a19001-Flag=N");
	}

	/** The reasons of the rejections kept for one source, oldest first. */
	public static List<RejectionReason> reasonsFrom(Rejections rejections, String source) {
		List<RejectionReason> reasons = new ArrayList<>();
		for (Rejection rejection : rejections.recent(100, null, null, null)) {
			if (rejection.source().equals(source)) {
				reasons.add(0, rejection.reason());
			}
		}
		return reasons;
	}

	/** How many hourly SO₂ values of one UTC day (yyyy-MM-dd) are in the database. */
	public static long hourlyCount(String database, String utcDay) {
		return LocalInfrastructure.shared()
			.influxd()
			.count("SELECT count(so2) FROM reading WHERE period='hour' AND time >= '" + utcDay
					+ "T00:00:00Z' AND time < '" + utcDay + "T23:59:59Z'", database);
	}

}
