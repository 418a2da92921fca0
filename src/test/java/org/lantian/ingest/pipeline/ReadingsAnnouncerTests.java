package org.lantian.ingest.pipeline;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.lantian.domain.DataFlag;
import org.lantian.domain.Measurand;
import org.lantian.domain.Measurement;
import org.lantian.domain.Reading;
import org.lantian.domain.ReadingPeriod;
import org.lantian.domain.SiteId;
import org.lantian.ingest.ReadingsReceived;
import org.lantian.ingest.Transport;

import static org.assertj.core.api.Assertions.assertThat;

class ReadingsAnnouncerTests {

	private final List<Object> told = new CopyOnWriteArrayList<>();

	/** A delay no test waits for: each test tells what is pending itself. */
	private final ReadingsAnnouncer announcer = new ReadingsAnnouncer(this.told::add, TimeUnit.HOURS.toNanos(1));

	@Test
	void payloadsThatBecameDurableTogetherAreToldAsOneEventPerTransportInOrder() {
		ReadingsReceived first = payload(Transport.MQTT, "BT-KDL-01", 0);
		ReadingsReceived other = payload(Transport.HJ212_TCP, "BT-STEEL-B1", 1);
		ReadingsReceived second = payload(Transport.MQTT, "BT-QS-01", 2);
		this.announcer.announce(first);
		this.announcer.announce(other);
		this.announcer.announce(second);
		assertThat(this.told).as("nothing before the delay").isEmpty();

		this.announcer.tellPending();

		assertThat(this.told).hasSize(2);
		assertThat(this.told).filteredOn((event) -> ((ReadingsReceived) event).transport() == Transport.MQTT)
			.singleElement()
			.satisfies((event) -> assertThat(((ReadingsReceived) event).readings())
				.containsExactly(first.readings().get(0), second.readings().get(0)));
		assertThat(this.told).filteredOn((event) -> ((ReadingsReceived) event).transport() == Transport.HJ212_TCP)
			.singleElement()
			.isSameAs(other);
	}

	@Test
	void closingTellsWhatIsPendingAndLaterPayloadsOnTheCallersThread() {
		this.announcer.announce(payload(Transport.MQTT, "BT-KDL-01", 0));
		this.announcer.close();
		assertThat(this.told).hasSize(1);

		this.announcer.announce(payload(Transport.MQTT, "BT-KDL-01", 1));
		assertThat(this.told).hasSize(2);
	}

	@Test
	void aFailingListenerDoesNotStopTheOthersBatch() {
		List<Object> seen = new CopyOnWriteArrayList<>();
		ReadingsAnnouncer failing = new ReadingsAnnouncer((event) -> {
			seen.add(event);
			throw new IllegalStateException("listener bug");
		}, TimeUnit.HOURS.toNanos(1));
		failing.announce(payload(Transport.MQTT, "BT-KDL-01", 0));
		failing.announce(payload(Transport.HJ212_TCP, "BT-STEEL-B1", 0));
		failing.tellPending();
		assertThat(seen).hasSize(2);
		failing.close();
	}

	private static ReadingsReceived payload(Transport transport, String site, int minute) {
		Reading reading = new Reading(SiteId.of(site), Instant.parse("2026-01-16T00:00:00Z").plusSeconds(60L * minute),
				ReadingPeriod.MINUTE,
				Map.of(Measurand.PM25, new Measurement(new BigDecimal("35"), DataFlag.N, Map.of())));
		return new ReadingsReceived(transport, List.of(reading));
	}

}
