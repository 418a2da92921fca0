package org.lantian.domain.aqi;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 级别, 类别 and colours: HJ 633-2012 表2 and 附录A; HJ 633-2026 表1 and 附录A (same).
 */
class AqiCategoryTests {

	@ParameterizedTest(name = "AQI {0} → {1}")
	@CsvSource(textBlock = """
			# AQI, category, level, 类别, hex, R, G, B, heavy (STANDARDS §1.7: > 200)
			0,   EXCELLENT,           1, 优,       #00E400,   0, 228,  0, false
			50,  EXCELLENT,           1, 优,       #00E400,   0, 228,  0, false
			51,  GOOD,                2, 良,       #FFFF00, 255, 255,  0, false
			100, GOOD,                2, 良,       #FFFF00, 255, 255,  0, false
			101, LIGHTLY_POLLUTED,    3, 轻度污染, #FF7E00, 255, 126,  0, false
			150, LIGHTLY_POLLUTED,    3, 轻度污染, #FF7E00, 255, 126,  0, false
			151, MODERATELY_POLLUTED, 4, 中度污染, #FF0000, 255,   0,  0, false
			200, MODERATELY_POLLUTED, 4, 中度污染, #FF0000, 255,   0,  0, false
			201, HEAVILY_POLLUTED,    5, 重度污染, #99004C, 153,   0, 76, true
			300, HEAVILY_POLLUTED,    5, 重度污染, #99004C, 153,   0, 76, true
			301, SEVERELY_POLLUTED,   6, 严重污染, #7E0023, 126,   0, 35, true
			500, SEVERELY_POLLUTED,   6, 严重污染, #7E0023, 126,   0, 35, true
			""")
	void categorisesByTheTable(int aqi, AqiCategory expected, int level, String chinese, String hex, int red, int green,
			int blue, boolean heavy) {
		AqiCategory category = AqiCategory.of(aqi);

		assertThat(category).isEqualTo(expected);
		assertThat(category.level()).isEqualTo(level);
		assertThat(category.chineseName()).isEqualTo(chinese);
		assertThat(category.hex()).isEqualTo(hex);
		assertThat(new int[] { category.red(), category.green(), category.blue() }).containsExactly(red, green, blue);
		assertThat(category.isHeavyOrWorse()).isEqualTo(heavy);
	}

}
