package org.lantian.warnings.reduction;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the compliance report shows its exact numbers.
 */
class ComplianceReportsTests {

	@Test
	void showsAtMostThreeDecimalPlacesRoundedHalfToEven() {
		// a simulated hour: 10.626666… mg/m³ × 150000 m³/h × 10⁻⁶ (HJ 212 附录D 式(33))
		assertThat(ComplianceReports.plain(new BigDecimal("1.593999907217571421"))).hasToString("1.594");
		// GB/T 8170-2008 §3.3: a 5 with nothing after it rounds to the even digit
		assertThat(ComplianceReports.plain(new BigDecimal("0.2885"))).hasToString("0.288");
		assertThat(ComplianceReports.plain(new BigDecimal("0.2875"))).hasToString("0.288");
		assertThat(ComplianceReports.plain(new BigDecimal("0.28851"))).hasToString("0.289");
	}

	@Test
	void dropsTrailingZerosWithoutExponents() {
		assertThat(ComplianceReports.plain(new BigDecimal("1.950"))).hasToString("1.95");
		assertThat(ComplianceReports.plain(new BigDecimal("3E+2"))).hasToString("300");
		assertThat(ComplianceReports.plain(new BigDecimal("20.0"))).hasToString("20");
	}

}
