package org.lantian.alerts.channel;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.junit.jupiter.api.Test;
import org.lantian.alerts.AlertView;
import org.lantian.rules.Severity;
import org.lantian.warnings.WarningView;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a heavy-pollution warning notice looks like in an e-mail and at a webhook.
 */
class WarningNoticeTests {

	/** As Spring Boot configures it: ISO-8601 dates, not timestamps. */
	static final ObjectMapper JSON = Jackson2ObjectMapperBuilder.json()
		.featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
		.build();

	static final OffsetDateTime RAISED_AT = OffsetDateTime.parse("2026-01-15T10:00:00+08:00");

	static final String RULE = "日AQI>200持续48小时";

	/** 包头市 orange under MEE 2024: two forecast days above 200. */
	static WarningView orangeRaised() {
		return new WarningView("包头市-1768442400000", "包头市", "orange", "橙色预警", "raised", "none", RAISED_AT, RAISED_AT,
				RAISED_AT, "mee-2024", RULE,
				List.of(new WarningView.Day(LocalDate.parse("2026-01-15"), 230, "forecast", "pm25"),
						new WarningView.Day(LocalDate.parse("2026-01-16"), 240, "forecast", "pm25")),
				"pm25", true, RAISED_AT.minusHours(1), null, "forecast daily AQI > 200 for 48 h");
	}

	static WarningView released() {
		OffsetDateTime at = RAISED_AT.plusDays(2);
		return new WarningView("包头市-1768442400000", "包头市", "none", "无预警", "released", "orange", at, at, null, null,
				null, List.of(), null, false, null, null, "below yellow, forecast to stay so for 48 h ≥ 36 h");
	}

	static WarningView upgraded() {
		WarningView raised = orangeRaised();
		return new WarningView(raised.id(), "包头市", "orange", "橙色预警", "upgraded", "yellow", RAISED_AT, RAISED_AT,
				RAISED_AT.minusDays(1), "mee-2024", RULE, raised.data(), "pm25", true, null,
				new WarningView.JointZone("呼包鄂乌", "呼和浩特市"), "upgraded");
	}

	@Test
	void theSubjectNamesTheCityTheLevelAndTheChange() {
		assertThat(EmailChannel.warningSubject(orangeRaised())).isEqualTo("[Lantian] 包头市 橙色预警 raised (orange)");
		assertThat(EmailChannel.warningSubject(upgraded())).isEqualTo("[Lantian] 包头市 橙色预警 upgraded (yellow → orange)");
	}

	@Test
	void aReleaseNamesTheLevelReleased() {
		assertThat(EmailChannel.warningSubject(released())).isEqualTo("[Lantian] 包头市 橙色预警 released (orange → none)");
	}

	@Test
	void theBodyGivesLevelRuleDataSinceAndTheReductionInChineseAndEnglish() {
		String body = EmailChannel.warningBody(orangeRaised());

		assertThat(body).startsWith("包头市 橙色预警 发布 / 包头市 heavy-pollution warning raised, level orange\n\n")
			.contains("预警 Warning: 包头市-1768442400000\n")
			.contains("级别 Level: 橙色预警 (orange)\n")
			.contains("变化 Change: 发布 raised (无预警 none → 橙色预警 orange)\n")
			.contains("起始 Since: 2026-01-15T10:00+08:00\n")
			.contains("方案 Scheme: mee-2024\n")
			.contains("规则 Rule: 日AQI>200持续48小时\n")
			.contains("数据 Data:\n  2026-01-15 AQI 230 (预报 forecast, pm25)\n  2026-01-16 AQI 240 (预报 forecast, pm25)\n")
			.contains("应急减排 Emergency reduction demanded: 是 yes\n")
			.contains("预报发布 Forecast issued: 2026-01-15T09:00+08:00\n");
	}

	@Test
	void aReleaseBodyDemandsNoReduction() {
		String body = EmailChannel.warningBody(released());

		assertThat(body).startsWith("包头市 橙色预警 解除 / 包头市 heavy-pollution warning released, level none\n\n")
			.contains("变化 Change: 解除 released (橙色预警 orange → 无预警 none)\n")
			.contains("应急减排 Emergency reduction demanded: 否 no\n")
			.doesNotContain("数据 Data")
			.doesNotContain("规则 Rule");
	}

	@Test
	void aJointZoneIsNamedWithItsLeader() {
		assertThat(EmailChannel.warningBody(upgraded())).contains("联防联控 Joint zone: 呼包鄂乌 (牵头 led by 呼和浩特市)\n");
	}

	@Test
	void theWebhookBodyIsTheWarningResourceTypedWarning() throws Exception {
		JsonNode body = JSON.readTree(JSON.writeValueAsBytes(AlertNotifier.webhookBody(JSON, orangeRaised())));

		assertThat(body.fieldNames().next()).isEqualTo("type");
		assertThat(body.path("type").asText()).isEqualTo("warning");
		assertThat(body.path("id").asText()).isEqualTo("包头市-1768442400000");
		assertThat(body.path("city").asText()).isEqualTo("包头市");
		assertThat(body.path("level").asText()).isEqualTo("orange");
		assertThat(body.path("change").asText()).isEqualTo("raised");
		assertThat(body.path("since").asText()).isEqualTo("2026-01-15T10:00:00+08:00");
		assertThat(body.path("data").get(1).path("aqi").asInt()).isEqualTo(240);
		assertThat(body.path("emergencyReduction").asBoolean()).isTrue();
		// every field of the warning resource, plus type
		assertThat(body.size()).isEqualTo(JSON.valueToTree(orangeRaised()).size() + 1);
	}

	@Test
	void anAlertBodyKeepsItsShapeWithoutAType() {
		AlertView alert = AlertView.from(RoutingTests.alert("BT-STEEL-S1", "包头市", "BT-STEEL", Severity.HIGH),
				java.time.ZoneId.of("Asia/Shanghai"));

		JsonNode body = JSON.valueToTree(alert);

		assertThat(body.has("type")).isFalse();
		assertThat(body.path("rule").asText()).isEqualTo("stack-so2-hourly");
	}

}
