package org.lantian.infra;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ChildProcessTests {

	@Test
	void reportsTheLastLinesOfAProcessThatExitsBeforeItIsReady() {
		ChildProcess process = new ChildProcess("child-process-tests-exit",
				List.of("sh", "-c", "echo 'Error: Address already in use'; exit 3"));

		assertThatIllegalStateException().isThrownBy(() -> process.start(Duration.ofSeconds(10), () -> false))
			.withMessageStartingWith("child-process-tests-exit exited with code 3 before it was ready.")
			.withMessageContaining("Error: Address already in use");
		assertThat(process.printed("address already in use")).isTrue();
	}

	@Test
	void stopsAndReportsAProcessThatIsNotReadyInTime() {
		ChildProcess process = new ChildProcess("child-process-tests-timeout",
				List.of("sh", "-c", "echo starting; exec sleep 60"));

		assertThatIllegalStateException().isThrownBy(() -> process.start(Duration.ofMillis(300), () -> false))
			.withMessageStartingWith("child-process-tests-timeout was not ready within 300 ms.")
			.withMessageContaining("starting");
		assertThat(process.isAlive()).isFalse();
	}

	@Test
	void stopsAReadyProcessWithSigterm() {
		ChildProcess process = new ChildProcess("child-process-tests-stop", List.of("sh", "-c", "exec sleep 60"));
		process.start(Duration.ofSeconds(10), () -> true);
		assertThat(process.isAlive()).isTrue();

		process.stop();

		assertThat(process.isAlive()).isFalse();
	}

}
