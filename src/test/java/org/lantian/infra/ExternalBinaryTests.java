package org.lantian.infra;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ExternalBinaryTests {

	@Test
	void failsNamingTheSearchedPlacesAndTheInstallScriptWhenABinaryIsMissing() {
		assertThatIllegalStateException().isThrownBy(() -> ExternalBinary.find("lantian-no-such-binary"))
			.withMessage("lantian-no-such-binary not found (PATH, /usr/sbin, /usr/bin). Run scripts/install-deps.sh.");
	}

	@Test
	void findsAnExecutableOnThePath() {
		assertThat(ExternalBinary.find("sh")).isExecutable();
	}

}
