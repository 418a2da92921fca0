package org.lantian.domain.warning;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * From {@code from} on, {@code regions} (cities or 旗县; empty = the national default)
 * grade by scheme {@code schemeId}, until a later adoption for them takes over.
 *
 * @param source the plan that adopted it
 */
public record SchemeAdoption(String schemeId, LocalDate from, List<String> regions, String source) {

	public SchemeAdoption {
		if (schemeId == null || schemeId.isBlank()) {
			throw new IllegalArgumentException("scheme: blank");
		}
		Objects.requireNonNull(from, "from");
		Objects.requireNonNull(source, "source");
		if (regions == null) {
			regions = List.of();
		}
		for (int i = 0; i < regions.size(); i++) {
			if (regions.get(i) == null || regions.get(i).isBlank()) {
				throw new IllegalArgumentException("regions[" + i + "]: blank");
			}
		}
		regions = List.copyOf(regions);
	}

	public boolean isNational() {
		return this.regions.isEmpty();
	}

}
