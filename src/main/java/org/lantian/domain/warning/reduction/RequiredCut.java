package org.lantian.domain.warning.reduction;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * The cut an enterprise owes under a warning, with why: a percent of its baseline, or
 * none (not warned, exempt, or an episode not driven by PM2.5).
 */
public record RequiredCut(Optional<BigDecimal> percent, String basis) {

	public RequiredCut {
		Objects.requireNonNull(percent, "percent");
		Objects.requireNonNull(basis, "basis");
	}

	static RequiredCut of(BigDecimal percent, String basis) {
		return new RequiredCut(Optional.of(percent), basis);
	}

	static RequiredCut none(String basis) {
		return new RequiredCut(Optional.empty(), basis);
	}

	public boolean isRequired() {
		return this.percent.isPresent() && this.percent.get().signum() > 0;
	}

}
