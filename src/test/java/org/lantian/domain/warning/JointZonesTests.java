package org.lantian.domain.warning;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Joint zones of 《内蒙古自治区重污染天气应急预案（2020年版）》 (STANDARDS §4.3 [P]): the members are raised
 * together to the highest member's level [interpretation].
 */
class JointZonesTests {

	private static final LocalDate D = LocalDate.of(2026, 1, 15);

	private final JointZones zones = JointZones
		.of(List.of(new JointZone("呼包巴达准", List.of("呼和浩特市", "包头市", "巴彦淖尔市", "达拉特旗", "准格尔旗"), "内蒙古 2020"),
				new JointZone("乌海及周边", List.of("乌海市", "阿拉善左旗"), "内蒙古 2020")));

	@Test
	void oneWarnedMemberRaisesTheWholeZoneToItsLevel() {
		Map<String, Grading> gradings = new LinkedHashMap<>();
		gradings.put("包头市", grade("包头市", 230, 250));
		gradings.put("呼和浩特市", grade("呼和浩特市", 120, 130));
		gradings.put("巴彦淖尔市", grade("巴彦淖尔市", 210, 140));
		gradings.put("乌海市", grade("乌海市", 100, 100));

		Map<String, Grading> raised = this.zones.raise(gradings);

		assertThat(raised.get("包头市").level()).isEqualTo(WarningLevel.ORANGE);
		assertThat(raised.get("包头市").jointZone()).isEmpty();
		assertThat(raised.get("呼和浩特市").level()).isEqualTo(WarningLevel.ORANGE);
		assertThat(raised.get("呼和浩特市").jointZone()).contains(new Grading.JointRaise("呼包巴达准", "包头市"));
		assertThat(raised.get("呼和浩特市").rule()).isEqualTo("联防联控区 呼包巴达准：随 包头市 橙色预警 (日AQI>200持续≥48小时)");
		assertThat(raised.get("巴彦淖尔市").level()).as("yellow of its own, raised to orange")
			.isEqualTo(WarningLevel.ORANGE);
		assertThat(raised.get("乌海市").level()).as("another zone, not raised").isEqualTo(WarningLevel.NONE);
	}

	@Test
	void noWarnedMemberRaisesNothing() {
		Map<String, Grading> gradings = Map.of("包头市", grade("包头市", 150), "呼和浩特市", grade("呼和浩特市", 200));

		assertThat(this.zones.raise(gradings)).isEqualTo(gradings);
	}

	@Test
	void aMemberIsNeverLoweredAndOutsidersAreUntouched() {
		Map<String, Grading> gradings = Map.of("包头市", grade("包头市", 201), "呼和浩特市", grade("呼和浩特市", 260, 280, 320), "赤峰市",
				grade("赤峰市", 100));

		Map<String, Grading> raised = this.zones.raise(gradings);

		assertThat(raised.get("呼和浩特市").level()).isEqualTo(WarningLevel.RED);
		assertThat(raised.get("包头市").level()).isEqualTo(WarningLevel.RED);
		assertThat(raised.get("赤峰市")).isSameAs(gradings.get("赤峰市"));
	}

	@Test
	void aRaisedMemberIsReleasedOnlyWhenTheZoneIs() {
		WarningStateMachine machine = WarningStateMachine.standard();
		java.time.Instant t = java.time.Instant.parse("2026-01-15T02:00:00Z");
		Map<String, Grading> day1 = this.zones
			.raise(Map.of("包头市", grade("包头市", 230, 250), "呼和浩特市", grade("呼和浩特市", 100, 100)));
		WarningState hohhot = machine.next(WarningState.none("呼和浩特市"), day1.get("呼和浩特市"), t).state();
		assertThat(hohhot.level()).isEqualTo(WarningLevel.ORANGE);
		assertThat(hohhot.basis().orElseThrow().jointZone()).isPresent();

		Map<String, Grading> day2 = this.zones
			.raise(Map.of("包头市", grade("包头市", 240, 100), "呼和浩特市", grade("呼和浩特市", 100, 100)));
		assertThat(machine.next(hohhot, day2.get("呼和浩特市"), t.plusSeconds(86400)).state().level())
			.as("包头 still yellow: 呼和浩特 held at yellow")
			.isEqualTo(WarningLevel.YELLOW);
	}

	@Test
	void rejectsBadZones() {
		assertThatIllegalArgumentException().isThrownBy(() -> new JointZone("x", List.of("包头市"), "s"))
			.withMessage("zone x: members: a zone needs at least two members");
		assertThatIllegalArgumentException().isThrownBy(() -> new JointZone("x", List.of("包头市", "包头市"), "s"))
			.withMessage("zone x: members: a member is listed twice: [包头市, 包头市]");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> JointZones
				.of(List.of(new JointZone("x", List.of("a", "b"), "s"), new JointZone("x", List.of("c", "d"), "s"))))
			.withMessage("zone x defined twice");
		assertThat(this.zones.zonesOf("达拉特旗")).extracting(JointZone::name).containsExactly("呼包巴达准");
	}

	private static Grading grade(String region, int... aqi) {
		return WarningScheme.mee2024().grade(region, AqiSeries.daily(D, aqi));
	}

}
