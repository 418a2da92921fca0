package org.lantian.alerts.channel;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.lantian.alerts.ChannelStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ChannelWorkerTests {

	final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	double count(String outcome) {
		return this.meters.get("lantian.alerts.notifications")
			.tag("channel", "webhook")
			.tag("outcome", outcome)
			.counter()
			.count();
	}

	@Test
	void aFailingDeliveryIsRetriedThenGivenUpAndItsErrorKept() {
		AtomicInteger tries = new AtomicInteger();
		try (ChannelWorker worker = new ChannelWorker("webhook", true,
				new ChannelProperties.Delivery(10, 3, Duration.ofMillis(1), Duration.ofMillis(2)), this.meters)) {
			worker.submit("raised A1 to http://h", () -> {
				tries.incrementAndGet();
				throw new java.io.IOException("HTTP 500");
			});
			await().atMost(Duration.ofSeconds(10)).until(() -> count("failed") == 1.0);
			ChannelStatus status = worker.status();
			assertThat(tries).hasValue(3);
			assertThat(count("retried")).isEqualTo(2.0);
			assertThat(status.failed()).isEqualTo(1);
			assertThat(status.lastError()).contains("gave up after 3 attempts").contains("HTTP 500");
		}
	}

	@Test
	void aFullQueueDropsNewDeliveriesWithoutWaiting() throws Exception {
		CountDownLatch stuck = new CountDownLatch(1);
		CountDownLatch running = new CountDownLatch(1);
		try (ChannelWorker worker = new ChannelWorker("webhook", true,
				new ChannelProperties.Delivery(2, 1, Duration.ofMillis(1), Duration.ofMillis(1)), this.meters)) {
			worker.submit("first", () -> {
				running.countDown();
				stuck.await();
			});
			assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
			worker.submit("second", () -> {
			});
			worker.submit("third", () -> {
			});
			worker.submit("fourth", () -> {
			});

			assertThat(count("dropped")).isEqualTo(1.0);
			assertThat(worker.status().queued()).isEqualTo(3);
			stuck.countDown();
			await().atMost(Duration.ofSeconds(10)).until(() -> count("delivered") == 3.0);
		}
	}

	@Test
	void failuresInARowAreCountedUntilTheNextDelivery() {
		try (ChannelWorker worker = new ChannelWorker("webhook", true,
				new ChannelProperties.Delivery(10, 1, Duration.ofMillis(1), Duration.ofMillis(1)), this.meters)) {
			for (int i = 0; i < 2; i++) {
				worker.submit("raised A" + i + " to http://h", () -> {
					throw new java.io.IOException("HTTP 503");
				});
			}
			await().atMost(Duration.ofSeconds(10)).until(() -> count("failed") == 2.0);
			assertThat(worker.status().consecutiveFailures()).isEqualTo(2);
			assertThat(worker.status().connected()).isNull();

			worker.submit("raised A3 to http://h", () -> {
			});
			await().atMost(Duration.ofSeconds(10)).until(() -> count("delivered") == 1.0);
			assertThat(worker.status().consecutiveFailures()).isZero();
			assertThat(worker.status().failed()).isEqualTo(2);
			assertThat(worker.status().lastError()).contains("HTTP 503");
		}
	}

	@Test
	void warningNoticesAreCountedAloneAndWithTheAlerts() {
		try (ChannelWorker worker = new ChannelWorker("webhook", true,
				new ChannelProperties.Delivery(10, 2, Duration.ofMillis(1), Duration.ofMillis(1)), this.meters)) {
			worker.submit("raised A1 to http://h", () -> {
			});
			worker.submitWarning("warning raised 包头市-1 to http://h", () -> {
			});
			worker.submitWarning("warning released 包头市-1 to http://h", () -> {
				throw new java.io.IOException("HTTP 503");
			});
			await().atMost(Duration.ofSeconds(10)).until(() -> count("failed") == 1.0);
			assertThat(count("delivered")).isEqualTo(2.0);
			assertThat(warnings("delivered")).isEqualTo(1.0);
			assertThat(warnings("retried")).isEqualTo(1.0);
			assertThat(warnings("failed")).isEqualTo(1.0);
			assertThat(warnings("dropped")).isEqualTo(0.0);
			assertThat(worker.status().delivered()).isEqualTo(2);
		}
	}

	double warnings(String outcome) {
		return this.meters.get("lantian.alerts.warning.notices")
			.tag("channel", "webhook")
			.tag("outcome", outcome)
			.counter()
			.count();
	}

}
