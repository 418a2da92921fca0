package org.lantian.alerts.channel;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.lantian.domain.warning.reduction.ReductionList;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ ChannelProperties.class, BrokerProperties.class })
class ChannelConfiguration {

	private static final Logger LOG = LoggerFactory.getLogger(ChannelConfiguration.class);

	@Bean
	AlertChannelsHealth alertChannelsHealthContributor(AlertNotifier notifier) {
		return new AlertChannelsHealth(notifier::statuses, notifier::connectMqtt);
	}

	@Bean(destroyMethod = "close")
	AlertNotifier alertNotifier(ChannelProperties properties, BrokerProperties broker, ObjectMapper json,
			ZoneId reportingZone, MeterRegistry registry, ReductionList reductions) throws MqttException {
		List<Route> routes = new ArrayList<>();
		for (int i = 0; i < properties.routes().size(); i++) {
			routes.add(Route.from(properties.routes().get(i), i));
		}
		MqttChannel mqtt = null;
		if (properties.mqtt().enabled()) {
			String clientId = (properties.mqtt().clientId() != null) ? properties.mqtt().clientId()
					: broker.clientId() + "-alerts";
			mqtt = new MqttChannel(broker, clientId, properties.mqtt().topicPrefix());
		}
		ChannelProperties.Email email = properties.email();
		LOG.info("Alert channels: MQTT {}, {} routes ({} taking warning notices), e-mail {}",
				(mqtt != null) ? "on" : "off", routes.size(), routes.stream().filter(Route::warnings).count(),
				email.isEnabled() ? "via " + email.host() + ":" + email.port() : "off");
		boolean webhooks = routes.stream().anyMatch((route) -> !route.webhooks().isEmpty());
		AlertNotifier notifier = new AlertNotifier(json, reportingZone, new Routing(routes, reductions), mqtt,
				new WebhookChannel(properties.webhook().timeout()), email.isEnabled() ? new EmailChannel(email) : null,
				new ChannelWorker("mqtt", mqtt != null, properties.mqtt().delivery(), registry),
				new ChannelWorker("webhook", webhooks, properties.webhook().delivery(), registry),
				new ChannelWorker("email", email.isEnabled(), email.delivery(), registry),
				properties.mqtt().warningTopicPrefix());
		notifier.connectMqtt();
		return notifier;
	}

}
