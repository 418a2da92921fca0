package org.lantian.rules.engine;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.lantian.rules.Severity;
import org.lantian.storage.AlertRecord;

import static org.assertj.core.api.Assertions.assertThat;

class OpenConditionsTests {

	static final Instant T = Instant.parse("2026-01-15T00:00:00Z");

	@Test
	void theSeverityIsTheLastOneTheRulesPublishedNotTheEscalationTimers() {
		OpenConditions open = OpenConditions.of(List.of(change("a", 1, "raised", "rules", "open", "medium"),
				change("a", 2, "escalated", "rules", "open", "high"),
				change("a", 3, "escalated", "escalation", "open", "critical"),
				change("a", 4, "acknowledged", "王工", "acknowledged", "critical")));

		assertThat(open.of("nh3-slip", "BM-POWER-1")).isEqualTo(Map.of("nh3", Severity.HIGH));
		assertThat(open.of("nh3-slip", "BM-POWER-2")).isEmpty();
		assertThat(open.of("other", "BM-POWER-1")).isEmpty();
	}

	@Test
	void aResolvedAlertIsNoOpenCondition() {
		OpenConditions open = OpenConditions.of(List.of(change("a", 1, "raised", "rules", "open", "high"),
				change("a", 2, "resolved", "rules", "resolved", "high")));

		assertThat(open.subjects()).isEmpty();
	}

	@Test
	void conditionsOfRulesNotInForceAreSetApart() {
		OpenConditions open = OpenConditions.of(List.of(change("a", 1, "raised", "rules", "open", "high")));

		assertThat(open.ofRulesOtherThan(Set.of("nh3-slip"))).isEmpty();
		assertThat(open.ofRulesOtherThan(Set.of("so2-high")))
			.isEqualTo(Map.of("BM-POWER-1", Map.of("nh3-slip", Map.of("nh3", Severity.HIGH))));
	}

	private static AlertRecord change(String alert, int seq, String change, String by, String status, String severity) {
		return new AlertRecord(alert, seq, change, T.plusSeconds(seq), by, null, "nh3-slip", "BM-POWER-1", "巴彦淖尔市",
				"BM-POWER", "nh3", status, severity, T, null, null, "NH₃ above 8 mg/m³");
	}

}
