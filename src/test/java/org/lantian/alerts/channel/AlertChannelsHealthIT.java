package org.lantian.alerts.channel;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.lantian.infra.FreePort;
import org.lantian.infra.LocalInfrastructureConfiguration;
import org.lantian.rules.RuleConditionChanged;
import org.lantian.rules.RuleConditionChanged.State;
import org.lantian.rules.Severity;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The channels in {@code /actuator/health} of the running service: MQTT connects to the
 * real broker at start (UP), e-mail is not configured (UNKNOWN), and a webhook to a port
 * nobody listens on becomes DEGRADED once an alert's notification is given up on; the
 * service stays UP while {@code /actuator/health/alerts} answers 503.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "lantian.alerts.webhook.delivery.attempts=1")
@Import(LocalInfrastructureConfiguration.class)
@DirtiesContext
class AlertChannelsHealthIT {

	static final int CLOSED_PORT = FreePort.find();

	@Autowired
	HealthEndpoint health;

	@Autowired
	ApplicationEventPublisher events;

	@LocalServerPort
	int port;

	@org.springframework.test.context.DynamicPropertySource
	static void webhook(org.springframework.test.context.DynamicPropertyRegistry registry) {
		// a list binds from one property source: the whole route here
		registry.add("lantian.alerts.routes[0].name", () -> "dead-hook");
		registry.add("lantian.alerts.routes[0].role", () -> "bureau");
		registry.add("lantian.alerts.routes[0].webhooks[0]", () -> "http://127.0.0.1:" + CLOSED_PORT + "/hook");
	}

	@Test
	void aFailingWebhookDegradesItsChannelButNotTheService() throws Exception {
		await().atMost(Duration.ofSeconds(60)).until(() -> this.health.health().getStatus().equals(Status.UP));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.health.healthForPath("alertChannels", "mqtt").getStatus().equals(Status.UP));
		assertThat(this.health.healthForPath("alertChannels", "email").getStatus()).isEqualTo(Status.UNKNOWN);
		assertThat(this.health.healthForPath("alertChannels", "webhook").getStatus()).isEqualTo(Status.UP);
		assertThat(get("/actuator/health/alerts").statusCode()).isEqualTo(200);

		this.events.publishEvent(new RuleConditionChanged("nh3-slip", "BT-STEEL-S1", "nh3", State.ACTIVE, Severity.HIGH,
				Instant.now(), new BigDecimal("9"), new BigDecimal("8"), "nh3 9 mg/m³ above 8 mg/m³"));

		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.health.healthForPath("alertChannels", "webhook")
				.getStatus()
				.equals(AlertChannelsHealth.DEGRADED));
		assertThat(this.health.health().getStatus()).isEqualTo(Status.UP);
		HttpResponse<String> alerts = get("/actuator/health/alerts");
		assertThat(alerts.statusCode()).isEqualTo(503);
		assertThat(alerts.body()).contains("\"status\":\"DEGRADED\"")
			.contains("consecutiveFailures")
			.contains("127.0.0.1:" + CLOSED_PORT);
		assertThat(get("/actuator/health").statusCode()).isEqualTo(200);
	}

	private HttpResponse<String> get(String path) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).build(),
					HttpResponse.BodyHandlers.ofString());
	}

}
