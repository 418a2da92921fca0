package org.lantian.domain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SiteIdTests {

	@ParameterizedTest
	@ValueSource(strings = { "BT-KDL-01", "a", "0", "WH_BOILER.01",
			"A234567890123456789012345678901234567890123456789012345678901234" })
	void acceptsLettersDigitsAndSeparatorsUpTo64(String id) {
		assertThat(SiteId.isWellFormed(id)).isTrue();
		assertThat(SiteId.of(id).value()).isEqualTo(id);
	}

	@ParameterizedTest
	@CsvSource(textBlock = """
			'',         empty
			-BT,        starts with a separator
			BT KDL,     space
			BT/KDL,     a topic separator
			昆都仑,      not ASCII
			A2345678901234567890123456789012345678901234567890123456789012345, 65 characters
			""")
	void refusesAnythingElse(String id, String why) {
		assertThat(SiteId.isWellFormed(id)).as(why).isFalse();
		assertThatIllegalArgumentException().isThrownBy(() -> SiteId.of(id)).withMessageContaining("invalid site id");
	}

}
