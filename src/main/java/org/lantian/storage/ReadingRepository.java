package org.lantian.storage;

import java.util.List;
import java.util.Map;

import org.lantian.domain.Measurand;
import org.lantian.domain.SiteId;

/**
 * Reads stored readings back.
 */
public interface ReadingRepository {

	/**
	 * The newest value and flag of every measurand the site ever reported (within the
	 * lookback window).
	 */
	Map<Measurand, LatestValue> latest(SiteId site);

	/** One series per requested measurand, in time order. */
	Map<Measurand, List<SeriesPoint>> series(SeriesQuery query);

}
