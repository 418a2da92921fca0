package org.lantian.ingest.hj212;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lantian.domain.DataFlag;
import org.lantian.ingest.hj212.Hj212FormatException.Reason;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class Hj212DataAreaTests {

	@Test
	void groupsSubFieldsByFactorInTheOrderSent() {
		// §6.3.3: sub-fields of one factor joined by ',', factors by ';'
		Hj212DataArea area = Hj212DataArea
			.parse("DataTime=20260115080000;a34004-Rtd=135.2,a34004-Flag=N;a21026-Rtd=20,a21026-Flag=M");

		assertThat(area.fields()).containsExactly(Map.entry("DataTime", "20260115080000"));
		assertThat(area.factors().keySet()).containsExactly("a34004", "a21026");
		assertThat(area.factors().get("a34004")).containsExactly(Map.entry("Rtd", "135.2"), Map.entry("Flag", "N"));
		assertThat(area.flag("a21026")).contains(DataFlag.M);
	}

	@Test
	void toleratesSemicolonsBetweenSubFieldsOfOneFactor() {
		// STANDARDS §3.4: parsers in the wild accept ';' inside a factor
		Hj212DataArea area = Hj212DataArea.parse("DataTime=20260115080000;a34004-Rtd=135.2;a34004-Flag=N");

		assertThat(area.factors().get("a34004")).containsExactly(Map.entry("Rtd", "135.2"), Map.entry("Flag", "N"));
	}

	@Test
	void readsThe2005StyleCodes() {
		// STANDARDS §3.1: old codes 011 (COD), 060 (氨氮), B01 (污水流量)
		Hj212DataArea area = Hj212DataArea
			.parse("DataTime=20160824003817;B01-Rtd=36.91;011-Rtd=231.0,011-Flag=N;060-Rtd=1.803,060-Flag=N");

		assertThat(area.factors().keySet()).containsExactly("B01", "011", "060");
		assertThat(area.number("060", "Rtd")).contains(new BigDecimal("1.803"));
	}

	@Test
	void keepsValuesExactly() {
		// N14.2 values stay decimal: 0.1 is not 0.1000000000000000055511151231257827
		Hj212DataArea area = Hj212DataArea.parse("a21005-Rtd=0.1,a34004-Rtd=-12.340,a00000-Cou=12345678901234.56");

		assertThat(area.number("a21005", "Rtd")).contains(new BigDecimal("0.1"));
		assertThat(area.number("a34004", "Rtd"))
			.hasValueSatisfying((v) -> assertThat(v.toPlainString()).isEqualTo("-12.340"));
		assertThat(area.number("a00000", "Cou")).contains(new BigDecimal("12345678901234.56"));
	}

	@Test
	void readsDataTimeAsLocalTime() {
		// 表4: YYYYMMDDhhmmss; some 2005-style senders add milliseconds
		assertThat(Hj212DataArea.parse("DataTime=20260115080000").dataTime())
			.contains(LocalDateTime.of(2026, 1, 15, 8, 0));
		assertThat(Hj212DataArea.parse("DataTime=20160824003817000").dataTime())
			.contains(LocalDateTime.of(2016, 8, 24, 0, 38, 17));
		assertThat(Hj212DataArea.parse("RtdInterval=30").dataTime()).isEmpty();
	}

	@Test
	void readsAnEmptyDataArea() {
		// CP=&&&& (e.g. the 9014 reply, §3.12)
		Hj212DataArea area = Hj212DataArea.parse("");

		assertThat(area.fields()).isEmpty();
		assertThat(area.factors()).isEmpty();
	}

	@Test
	void keepsPlainFieldsApartFromFactors() {
		Hj212DataArea area = Hj212DataArea.parse("BeginTime=20260115000000,EndTime=20260115235959;PolId=a34004");

		assertThat(area.fields()).containsOnlyKeys("BeginTime", "EndTime", "PolId");
		assertThat(area.factors()).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "RtdInterval", "=30", "a34004-Rtd=1;a34004-Rtd=2", "DataTime=2026011508",
			"DataTime=20260231080000", "DataTime=2026011508000x" })
	void refusesMalformedDataAreas(String cp) {
		assertThatExceptionOfType(Hj212FormatException.class).isThrownBy(() -> Hj212DataArea.parse(cp))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(Reason.BAD_DATA_AREA));
	}

	@ParameterizedTest
	@ValueSource(strings = { "1e3", "NaN", "0x10", "", "1.", "12,5" })
	void refusesValuesThatAreNotDecimalNumbers(String value) {
		Hj212DataArea area = new Hj212DataArea(Map.of(), Map.of("a34004", Map.of("Rtd", value)));

		assertThatExceptionOfType(Hj212FormatException.class).isThrownBy(() -> area.number("a34004", "Rtd"))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(Reason.BAD_DATA_AREA));
	}

	@Test
	void refusesAnUnknownDataFlag() {
		// 表8: N, F, M, S, D, C, T, B
		Hj212DataArea area = Hj212DataArea.parse("a34004-Rtd=1,a34004-Flag=X");

		assertThatExceptionOfType(Hj212FormatException.class).isThrownBy(() -> area.flag("a34004"))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(Reason.BAD_DATA_AREA));
	}

}
