package org.lantian.api;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.lantian.warnings.ComplianceReport;

/**
 * The compliance report as CSV (RFC 4180): a header, then one row per enterprise ×
 * pollutant × hour, UTF-8 with a byte-order mark so that Excel opens the Chinese names,
 * lines ended by CRLF. Plain Java.
 */
final class ComplianceCsv {

	static final String HEADER = "warning_id,city,enterprise,enterprise_name,grade,pollutant,hour_start,hour_end,"
			+ "level,required_cut_percent,baseline_kg_per_h,allowed_kg_per_h,measured_kg_per_h,achieved_percent,"
			+ "judged,compliant,reason";

	private static final String BOM = "\uFEFF";

	private ComplianceCsv() {
	}

	static byte[] bytes(ComplianceReport report) {
		return text(report).getBytes(StandardCharsets.UTF_8);
	}

	/** The CSV as text, starting with the byte-order mark. */
	static String text(ComplianceReport report) {
		StringBuilder csv = new StringBuilder(BOM).append(HEADER).append("\r\n");
		for (ComplianceReport.EnterpriseCompliance enterprise : report.enterprises()) {
			for (ComplianceReport.PollutantCompliance pollutant : enterprise.pollutants()) {
				for (ComplianceReport.Hour hour : pollutant.hours()) {
					row(csv, List.of(report.warningId(), report.city(), enterprise.enterprise(), enterprise.name(),
							enterprise.grade(), pollutant.pollutant(), hour.start().toString(), hour.end().toString(),
							hour.level(), number(hour.requiredPercent()), number(hour.baselineKgPerHour()),
							number(hour.allowedKgPerHour()), number(hour.measuredKgPerHour()),
							number(hour.achievedPercent()), String.valueOf(hour.judged()),
							(hour.compliant() != null) ? String.valueOf(hour.compliant()) : "",
							(hour.reason() != null) ? hour.reason() : ""));
				}
			}
		}
		return csv.toString();
	}

	private static void row(StringBuilder csv, List<String> fields) {
		for (int i = 0; i < fields.size(); i++) {
			if (i > 0) {
				csv.append(',');
			}
			csv.append(field(fields.get(i)));
		}
		csv.append("\r\n");
	}

	/** A field, quoted if it holds a comma, a quote or a line break (RFC 4180 §2). */
	static String field(String value) {
		if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
			return value;
		}
		return '"' + value.replace("\"", "\"\"") + '"';
	}

	private static String number(@Nullable BigDecimal value) {
		return (value != null) ? value.toPlainString() : "";
	}

}
