package org.lantian.ingest.tcp;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import org.lantian.domain.Site;
import org.lantian.domain.SiteCatalogue;
import org.lantian.ingest.hj212.Hj212Decoder;
import org.lantian.ingest.hj212.Hj212Encoder;
import org.lantian.ingest.hj212.Hj212ReadingMapper;
import org.lantian.ingest.pipeline.ReadingPipeline;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the HJ 212 frame handler, shared with HJ 212 over MQTT (INTERFACES §3.2), and the
 * TCP listener; {@code lantian.hj212.port=0} leaves the listener stopped.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(Hj212Properties.class)
class Hj212TcpConfiguration {

	@Bean
	Hj212FrameHandler hj212FrameHandler(Hj212Properties properties, SiteCatalogue catalogue, ReadingPipeline pipeline,
			ZoneId reportingZone, MeterRegistry meters, Clock clock) {
		checkUnits(catalogue);
		Hj212Decoder decoder = new Hj212Decoder(
				new Hj212Decoder.Options(properties.legacyLength(), Hj212Decoder.MAX_SEGMENT_LENGTH));
		Hj212Reassembly reassembly = new Hj212Reassembly(properties.reassemblyMaxPackets(),
				properties.reassemblyMaxPending(), properties.reassemblyTimeout());
		return new Hj212FrameHandler(decoder, new Hj212Encoder(), new Hj212ReadingMapper(reportingZone), catalogue,
				pipeline, meters, reassembly, clock);
	}

	/**
	 * Refuses to start with a catalogue whose HJ 212 units are unknown, name an unmapped
	 * factor or cannot be converted, rather than refusing that factor in every frame.
	 */
	static void checkUnits(SiteCatalogue catalogue) {
		List<String> problems = new ArrayList<>();
		for (Site site : catalogue.sites()) {
			for (String problem : Hj212ReadingMapper.unitProblems(site)) {
				problems.add("site " + site.id() + ": " + problem);
			}
		}
		if (!problems.isEmpty()) {
			throw new IllegalStateException(
					"The site catalogue's HJ 212 units are wrong:\n  " + String.join("\n  ", problems));
		}
	}

	@Bean
	Hj212ReassemblySweeper hj212ReassemblySweeper(Hj212FrameHandler handler) {
		return new Hj212ReassemblySweeper(handler);
	}

	@Bean
	Hj212TcpListener hj212TcpListener(Hj212Properties properties, Hj212FrameHandler handler, MeterRegistry meters) {
		return new Hj212TcpListener(properties, handler, meters);
	}

}
