package org.lantian.api;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lantian.warnings.ComplianceReport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The compliance report as CSV: UTF-8 with a byte-order mark (so Excel reads the Chinese
 * names), a header, one row per enterprise × pollutant × hour, RFC 4180 quoting and CRLF.
 */
class ComplianceCsvTests {

	private static final OffsetDateTime H8 = OffsetDateTime.parse("2025-01-15T08:00+08:00");

	@Test
	void oneRowPerEnterprisePollutantAndHourAfterABomAndAHeader() {
		byte[] bytes = ComplianceCsv.bytes(report());

		// EF BB BF: the UTF-8 byte-order mark
		assertThat(bytes[0]).isEqualTo((byte) 0xEF);
		assertThat(bytes[1]).isEqualTo((byte) 0xBB);
		assertThat(bytes[2]).isEqualTo((byte) 0xBF);
		String[] lines = new String(bytes, StandardCharsets.UTF_8).substring(1).split("\r\n", -1);
		assertThat(lines).containsExactly(ComplianceCsv.HEADER,
				"包头市-1736899200000,包头市,BT-DHGAS,\"燃气站, \"\"东河\"\"\",B,nox,2025-01-15T08:00+08:00,"
						+ "2025-01-15T09:00+08:00,orange,20,0.36,0.288,0.36,0.0,true,false,",
				"包头市-1736899200000,包头市,BT-DHGAS,\"燃气站, \"\"东河\"\"\",B,nox,2025-01-15T09:00+08:00,"
						+ "2025-01-15T10:00+08:00,orange,20,,,,,false,,BT-GAS-B1: nox hourly value flagged D",
				"");
		assertThat(ComplianceCsv.HEADER.split(",")).hasSize(17);
	}

	@Test
	void csvIsChosenByFormatOrByTheAcceptHeader() {
		assertThat(WarningsController.wantsCsv("csv", null)).isTrue();
		assertThat(WarningsController.wantsCsv(" CSV ", "application/json")).isTrue();
		assertThat(WarningsController.wantsCsv("json", "text/csv")).isFalse();
		assertThat(WarningsController.wantsCsv(null, "text/csv;charset=UTF-8")).isTrue();
		assertThat(WarningsController.wantsCsv(null, "application/json")).isFalse();
		assertThat(WarningsController.wantsCsv(null, null)).isFalse();
		assertThatThrownBy(() -> WarningsController.wantsCsv("xlsx", null))
			.hasMessage("format: 'xlsx' is not json or csv");
	}

	private static ComplianceReport report() {
		ComplianceReport.Hour judged = new ComplianceReport.Hour(H8, H8.plusHours(1), "orange", new BigDecimal("20"),
				true, false, new BigDecimal("0.36"), new BigDecimal("0.288"), new BigDecimal("0.36"),
				new BigDecimal("0.0"), null, List.of());
		ComplianceReport.Hour invalid = new ComplianceReport.Hour(H8.plusHours(1), H8.plusHours(2), "orange",
				new BigDecimal("20"), false, null, null, null, null, null, "BT-GAS-B1: nox hourly value flagged D",
				List.of());
		ComplianceReport.PollutantCompliance nox = new ComplianceReport.PollutantCompliance("nox",
				new BigDecimal("0.36"), 1, 0, 1, 0, new BigDecimal("0.36"), new BigDecimal("0.36"),
				new BigDecimal("0.0"), false, List.of(H8), List.of(judged, invalid));
		ComplianceReport.Cut cut = new ComplianceReport.Cut("orange", new BigDecimal("20"), "default cut at orange",
				null, null);
		ComplianceReport.EnterpriseCompliance gas = new ComplianceReport.EnterpriseCompliance("BT-DHGAS", "燃气站, \"东河\"",
				"B", true, List.of("BT-GAS-B1"), List.of(cut), cut, Map.of("nox", new BigDecimal("0.36")), false,
				List.of(nox));
		return new ComplianceReport("包头市-1736899200000", "包头市", "orange", "橙色预警", "pm25", true, H8, null,
				new ComplianceReport.Period(H8, H8.plusHours(2), 2), List.of(), List.of(gas));
	}

}
