package org.lantian.rules.engine;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class LanesTests {

	@Test
	void aSubjectsTasksRunInTheOrderTheyWereSubmittedOnOneLane() {
		Lanes lanes = new Lanes(2, 100_000);
		List<Integer> seen = new CopyOnWriteArrayList<>();
		List<String> threads = new CopyOnWriteArrayList<>();
		for (int i = 0; i < 20_000; i++) {
			int n = i;
			assertThat(lanes.submit("BT-STEEL-B1", () -> {
				seen.add(n);
				threads.add(Thread.currentThread().getName());
			})).isTrue();
		}
		await().atMost(Duration.ofSeconds(10)).until(() -> seen.size() == 20_000);
		assertThat(seen).containsExactlyElementsOf(IntStream.range(0, 20_000).boxed().toList());
		assertThat(threads).containsOnly("lantian-rules-" + lanes.laneOf("BT-STEEL-B1"));
		lanes.shutdown();
	}

	@Test
	void aSleepingLaneIsWokenByTheNextTask() throws InterruptedException {
		Lanes lanes = new Lanes(1, 10);
		CountDownLatch first = new CountDownLatch(1);
		lanes.submit("a", first::countDown);
		assertThat(first.await(5, TimeUnit.SECONDS)).isTrue();
		// long after its nap: the lane sleeps until woken
		Thread.sleep(50);
		CountDownLatch second = new CountDownLatch(1);
		lanes.submit("a", second::countDown);
		assertThat(second.await(5, TimeUnit.SECONDS)).isTrue();
		lanes.shutdown();
	}

	@Test
	void aFullLaneRefusesTasksAndCountsWhatWaits() throws InterruptedException {
		Lanes lanes = new Lanes(1, 3);
		CountDownLatch release = new CountDownLatch(1);
		CountDownLatch started = new CountDownLatch(1);
		lanes.submit("a", () -> {
			started.countDown();
			try {
				release.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		});
		assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
		assertThat(lanes.submit("a", () -> {
		})).isTrue();
		assertThat(lanes.submit("a", () -> {
		})).isTrue();
		assertThat(lanes.submit("a", () -> {
		})).isTrue();
		assertThat(lanes.queued()).isEqualTo(3);
		assertThat(lanes.submit("a", () -> {
		})).as("a fourth waiting task exceeds the capacity of 3").isFalse();
		release.countDown();
		await().atMost(Duration.ofSeconds(5)).until(() -> lanes.queued() == 0);
		lanes.shutdown();
	}

	@Test
	void shutdownRunsWhatIsQueuedAndThenRefuses() throws InterruptedException {
		Lanes lanes = new Lanes(1, 100);
		CountDownLatch release = new CountDownLatch(1);
		List<Integer> ran = new CopyOnWriteArrayList<>();
		lanes.submit("a", () -> {
			try {
				release.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		});
		for (int i = 0; i < 5; i++) {
			int n = i;
			lanes.submit("a", () -> ran.add(n));
		}
		Thread stopper = new Thread(lanes::shutdown);
		stopper.start();
		release.countDown();
		stopper.join(10_000);
		assertThat(ran).containsExactly(0, 1, 2, 3, 4);
		assertThat(lanes.submit("a", () -> ran.add(99))).isFalse();
	}

	@Test
	void aFailingTaskDoesNotStopTheLane() {
		Lanes lanes = new Lanes(1, 10);
		List<String> ran = new CopyOnWriteArrayList<>();
		lanes.submit("a", () -> {
			throw new IllegalStateException("evaluator bug");
		});
		lanes.submit("a", () -> ran.add("next"));
		await().atMost(Duration.ofSeconds(5)).until(() -> ran.size() == 1);
		lanes.shutdown();
	}

}
