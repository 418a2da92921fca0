package org.lantian.infra;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;
import org.springframework.test.context.support.DynamicPropertyRegistrarBeanInitializer;

/**
 * Points an application context at the JVM's {@link LocalInfrastructure}: its broker and
 * InfluxDB, plus a database, spool and dead-letter directories, MQTT client id and HJ 212
 * port of its own.
 *
 * <pre class="code">
 * &#64;SpringBootTest
 * &#64;Import(LocalInfrastructureConfiguration.class)
 * class MqttIngestIT { … }
 * </pre>
 */
@TestConfiguration(proxyBeanMethods = false)
public class LocalInfrastructureConfiguration {

	@Bean
	DynamicPropertyRegistrar localInfrastructureProperties() {
		LocalInfrastructure infrastructure = LocalInfrastructure.shared();
		String database = LocalInfrastructure.newDatabaseName();
		String spoolDirectory = infrastructure.newTempDirectory("spool-").toString();
		// contexts that receive the same message must not append to one dead-letter file
		String deadLetterDirectory = infrastructure.newTempDirectory("deadletters-").toString();
		String clientId = "lantian-it-" + LocalInfrastructure.randomHex();
		// each context's HJ 212 listener on a port of its own: contexts may overlap
		String hj212Port = String.valueOf(FreePort.find());
		return (registry) -> {
			registry.add("lantian.mqtt.url", infrastructure.mosquitto()::url);
			registry.add("lantian.mqtt.client-id", () -> clientId);
			registry.add("lantian.influx.url", infrastructure.influxd()::url);
			registry.add("lantian.influx.database", () -> database);
			registry.add("lantian.spool.dir", () -> spoolDirectory);
			registry.add("lantian.deadletters.dir", () -> deadLetterDirectory);
			registry.add("lantian.hj212.port", () -> hj212Port);
		};
	}

	/**
	 * Applies {@link DynamicPropertyRegistrar} beans where the TestContext framework does
	 * not, such as in a dev-time {@code SpringApplication.from(…).with(…)} main method.
	 * In tests the framework has already registered the initializer, and this does
	 * nothing.
	 * @return the post-processor
	 */
	@Bean
	static BeanDefinitionRegistryPostProcessor dynamicPropertyRegistrarSupport() {
		return (registry) -> {
			boolean registered = registry instanceof ListableBeanFactory beans
					&& beans.getBeanNamesForType(DynamicPropertyRegistrarBeanInitializer.class, true, false).length > 0;
			if (!registered) {
				registry.registerBeanDefinition(DynamicPropertyRegistrarBeanInitializer.class.getName(),
						new RootBeanDefinition(DynamicPropertyRegistrarBeanInitializer.class));
			}
		};
	}

}
