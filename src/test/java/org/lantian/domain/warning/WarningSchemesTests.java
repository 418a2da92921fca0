package org.lantian.domain.warning;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Effective-dated schemes with region overrides (STANDARDS §4.4), tested on both sides of
 * each boundary.
 */
class WarningSchemesTests {

	private final WarningScheme strict = new WarningScheme("baotou-strict", "包头市（示例）", "test",
			List.of(new LevelRule(WarningLevel.YELLOW, List.of(List.of(Criterion.above(150, 1))))));

	private final WarningSchemes schemes = WarningSchemes.of(
			List.of(WarningScheme.fourLevel2017(), WarningScheme.threeLevel2019(), WarningScheme.mee2024(),
					this.strict),
			List.of(new SchemeAdoption("four-level-2017", LocalDate.of(2017, 9, 20), List.of(), "86号"),
					new SchemeAdoption("three-level-2019", LocalDate.of(2019, 7, 31), List.of(), "648号"),
					new SchemeAdoption("mee-2024", LocalDate.of(2024, 1, 23), List.of(), "6号"),
					new SchemeAdoption("three-level-2019", LocalDate.of(2020, 6, 17), List.of("包头市", "乌海市"),
							"内蒙古 2020"),
					new SchemeAdoption("mee-2024", LocalDate.of(2024, 4, 25), List.of("包头市", "乌海市"), "内政办发〔2024〕17号"),
					new SchemeAdoption("baotou-strict", LocalDate.of(2026, 11, 1), List.of("包头市"), "test")));

	@Test
	void theNationalDefaultChangesOnItsDates() {
		assertThat(id("呼和浩特市", "2017-09-19")).isEmpty();
		assertThat(id("呼和浩特市", "2017-09-20")).isEqualTo("four-level-2017");
		assertThat(id("呼和浩特市", "2019-07-30")).isEqualTo("four-level-2017");
		assertThat(id("呼和浩特市", "2019-07-31")).isEqualTo("three-level-2019");
		assertThat(id("呼和浩特市", "2024-01-22")).isEqualTo("three-level-2019");
		assertThat(id("呼和浩特市", "2024-01-23")).isEqualTo("mee-2024");
	}

	@Test
	void aRegionKeepsItsOwnAdoptionUntilItsNextOne() {
		// 包头 kept the 2019 scheme after the national switch, until the 2024 regional plan
		assertThat(id("包头市", "2020-06-16")).isEqualTo("three-level-2019");
		assertThat(id("包头市", "2024-01-23")).isEqualTo("three-level-2019");
		assertThat(id("包头市", "2024-04-24")).isEqualTo("three-level-2019");
		assertThat(id("包头市", "2024-04-25")).isEqualTo("mee-2024");
		assertThat(id("乌海市", "2026-11-01")).isEqualTo("mee-2024");
	}

	@Test
	void aCityCanUseAStricterCustomSchemeFromADate() {
		assertThat(id("包头市", "2026-10-31")).isEqualTo("mee-2024");
		assertThat(id("包头市", "2026-11-01")).isEqualTo("baotou-strict");
		AqiSeries oneDay160 = AqiSeries.daily(LocalDate.of(2026, 11, 2), 160);
		assertThat(this.schemes.schemeFor("包头市", LocalDate.of(2026, 11, 2)).grade("包头市", oneDay160).level())
			.isEqualTo(WarningLevel.YELLOW);
		assertThat(this.schemes.schemeFor("乌海市", LocalDate.of(2026, 11, 2)).grade("乌海市", oneDay160).level())
			.isEqualTo(WarningLevel.NONE);
	}

	@Test
	void beforeEveryAdoptionThereIsNoScheme() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.schemes.schemeFor("包头市", LocalDate.of(2017, 1, 1)))
			.withMessage("no warning scheme for 包头市 on 2017-01-01 (the earliest adoption is 2017-09-20)");
	}

	@Test
	void rejectsInconsistentConfiguration() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> WarningSchemes.of(List.of(WarningScheme.mee2024()),
					List.of(new SchemeAdoption("mee-2025", LocalDate.of(2025, 1, 1), List.of(), "x"))))
			.withMessage("adoptions[0].scheme: unknown scheme 'mee-2025' (known: [mee-2024])");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> WarningSchemes.of(List.of(WarningScheme.mee2024()),
					List.of(new SchemeAdoption("mee-2024", LocalDate.of(2025, 1, 1), List.of("包头市"), "x"))))
			.withMessage("adoptions: no national default (an adoption without regions)");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> WarningSchemes.of(List.of(WarningScheme.mee2024(), WarningScheme.mee2024()), List.of()))
			.withMessage("scheme mee-2024 defined twice");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> WarningSchemes.of(List.of(WarningScheme.mee2024()),
					List.of(new SchemeAdoption("mee-2024", LocalDate.of(2025, 1, 1), List.of(), "x"),
							new SchemeAdoption("mee-2024", LocalDate.of(2025, 1, 1), List.of(), "y"))))
			.withMessage("adoptions[1]: national already adopts a scheme from 2025-01-01");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new WarningScheme("x", "x", "x",
					List.of(new LevelRule(WarningLevel.YELLOW, List.of(List.of(Criterion.above(200, 1)))),
							new LevelRule(WarningLevel.YELLOW, List.of(List.of(Criterion.above(150, 2)))))))
			.withMessage("scheme x: level yellow defined twice");
		assertThatIllegalArgumentException().isThrownBy(() -> Criterion.above(200, 0))
			.withMessage("days: 0, must be at least 1");
		assertThatIllegalArgumentException().isThrownBy(() -> new LevelRule(WarningLevel.NONE, List.of()))
			.withMessage("level: 'none' has no condition");
	}

	@Test
	void theNationalSetMatchesStandardsSection4() {
		WarningSchemes national = WarningSchemes.national();

		assertThat(national.schemeFor("任何城市", LocalDate.of(2018, 1, 1)).id()).isEqualTo("four-level-2017");
		assertThat(national.schemeFor("任何城市", LocalDate.of(2026, 1, 1)).id()).isEqualTo("mee-2024");
		assertThat(WarningScheme.mee2024().rule(WarningLevel.YELLOW).orElseThrow().description())
			.isEqualTo("日AQI>200持续≥24小时 或 日AQI>150持续≥48小时");
		assertThat(WarningScheme.threeLevel2019().rule(WarningLevel.RED).orElseThrow().description())
			.isEqualTo("日AQI>200持续≥96小时 且 日AQI>300持续≥48小时 或 日AQI≥500持续≥24小时");
	}

	private String id(String region, String date) {
		return this.schemes.adoptionFor(region, LocalDate.parse(date)).map(SchemeAdoption::schemeId).orElse("");
	}

}
