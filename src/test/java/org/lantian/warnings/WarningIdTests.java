package org.lantian.warnings;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Warning ids are {@code {city}-{episodeStart epoch ms}} (docs/warnings.md "Warning id"),
 * split at the last {@code -}.
 */
class WarningIdTests {

	@Test
	void splitsAtTheLastDash() {
		WarningId id = WarningId.parse("包头市-1736899200000").orElseThrow();

		assertThat(id.city()).isEqualTo("包头市");
		assertThat(id.episodeStart()).isEqualTo(Instant.parse("2025-01-15T00:00:00Z"));
		assertThat(id.value()).isEqualTo("包头市-1736899200000");
		assertThat(CityWarning.idOf("包头市", Instant.parse("2025-01-15T00:00:00Z"))).isEqualTo(id.value());
	}

	@Test
	void aCityMayContainADash() {
		WarningId id = WarningId.parse("Ulan-Ude-1736899200000").orElseThrow();

		assertThat(id.city()).isEqualTo("Ulan-Ude");
		assertThat(id.episodeStart().toEpochMilli()).isEqualTo(1736899200000L);
	}

	@ParameterizedTest
	@ValueSource(strings = { "包头市", "包头市-", "-1736899200000", "包头市-17368992000x0", "包头市-١٢٣", " -123",
			"包头市-1234567890123456", "" })
	void anythingElseIsNoId(String text) {
		assertThat(WarningId.parse(text)).isEmpty();
	}

}
