package org.lantian.domain.evaluation;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AirQualityTargetsTests {

	@Test
	void findsTheTargetThatAppliesToAYear() {
		AirQualityTargets targets = AirQualityTargets.of(List.of(target("巴彦淖尔市", 2025), target("巴彦淖尔市", 2030)));

		assertThat(targets.applicable("巴彦淖尔市", 2023)).map(AirQualityTarget::year).hasValue(2025);
		assertThat(targets.applicable("巴彦淖尔市", 2025)).map(AirQualityTarget::year).hasValue(2025);
		assertThat(targets.applicable("巴彦淖尔市", 2026)).map(AirQualityTarget::year).hasValue(2030);
		assertThat(targets.applicable("巴彦淖尔市", 2031)).isEmpty();
		assertThat(targets.find("包头市", 2025)).isEmpty();
	}

	@Test
	void refusesTwoTargetsForOneAreaAndYear() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> AirQualityTargets.of(List.of(target("全区", 2025), target("全区", 2025))))
			.withMessage("two targets for 全区 in 2025");
	}

	@Test
	void namesMemberCitiesTheCatalogueDoesNotKnow() {
		AirQualityTarget region = new AirQualityTarget("乌海市及周边地区", List.of("乌海市", "阿拉善盟", "鄂尔多斯市"), 2025,
				Optional.of(new BigDecimal("82.8")), Optional.empty(), Optional.empty(), Optional.empty(),
				Optional.empty(), Optional.empty(), "S004", "");
		AirQualityTargets targets = AirQualityTargets.of(List.of(region, target("巴彦淖尔市", 2025)));

		assertThat(targets.unknownCities(List.of("乌海市", "巴彦淖尔市", "包头市"))).containsExactly("阿拉善盟", "鄂尔多斯市");
		assertThat(region.isCity()).isFalse();
		assertThat(target("巴彦淖尔市", 2025).isCity()).isTrue();
	}

	@Test
	void refusesImpossibleTargets() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new AirQualityTarget("全区", List.of("包头市"), 2025, Optional.of(new BigDecimal("190.7")),
					Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), "S004",
					""))
			.withMessage("全区: good-days ratio target out of 0–100 %: 190.7");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new AirQualityTarget("全区", List.of("包头市"), 2025, Optional.empty(), Optional.empty(),
					Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), "S004", ""))
			.withMessage("全区: a target needs at least one criterion");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new AirQualityTarget("全区", List.of("包头市"), 2025, Optional.empty(), Optional.empty(),
					Optional.empty(), Optional.of(new BigDecimal("-7.1")), Optional.empty(),
					Optional.of(new Baseline(2025, Optional.empty(), Optional.empty(), Optional.empty())), "S004", ""))
			.withMessage("全区: baseline year 2025 is not before the target year 2025");
	}

	private static AirQualityTarget target(String city, int year) {
		return new AirQualityTarget(city, List.of(city), year, Optional.of(new BigDecimal("87.4")), Optional.empty(),
				Optional.of(new BigDecimal("29")), Optional.empty(), Optional.empty(), Optional.empty(), "S001", "");
	}

}
