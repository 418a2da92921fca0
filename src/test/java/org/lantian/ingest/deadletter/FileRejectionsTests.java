package org.lantian.ingest.deadletter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.lantian.infra.SettableClock;
import org.lantian.ingest.Rejection;
import org.lantian.ingest.RejectionReason;
import org.lantian.ingest.Transport;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

@ExtendWith(OutputCaptureExtension.class)
class FileRejectionsTests {

	private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

	private static final Duration THIRTY_DAYS = Duration.ofDays(30);

	@TempDir
	Path directory;

	private final SettableClock clock = new SettableClock(NOW);

	@Test
	void appendsEachRejectionAsAJsonLineToTheFileOfItsUtcDay() throws IOException {
		try (FileRejections rejections = open(100)) {
			rejections.record(rejection(Instant.parse("2026-11-21T23:59:59Z"), RejectionReason.UNKNOWN_SITE, "BT-X"));
			rejections.record(rejection(Instant.parse("2026-11-22T00:00:00Z"), RejectionReason.BAD_TIME, "BT-KDL-01"));
			rejections.record(rejection(Instant.parse("2026-11-22T00:00:01Z"), RejectionReason.BAD_FLAG, null));

			assertThat(lines("rejections-2026-11-21.jsonl")).singleElement().satisfies((line) -> {
				assertThat(line).contains("\"reason\":\"UNKNOWN_SITE\"", "\"site\":\"BT-X\"",
						"\"at\":\"2026-11-21T23:59:59Z\"", "\"transport\":\"MQTT\"");
				assertThat(FileRejections.fromJson(line))
					.isEqualTo(rejection(Instant.parse("2026-11-21T23:59:59Z"), RejectionReason.UNKNOWN_SITE, "BT-X"));
			});
			assertThat(lines("rejections-2026-11-22.jsonl")).hasSize(2);
		}
	}

	@Test
	void listsTheNewestFirstFilteredByReasonSiteAndTime() {
		try (FileRejections rejections = open(100)) {
			for (int i = 0; i < 10; i++) {
				rejections.record(rejection(NOW.plusSeconds(i),
						(i % 2 == 0) ? RejectionReason.OUT_OF_RANGE : RejectionReason.BAD_TIME,
						(i < 5) ? "BT-KDL-01" : "BT-DH-01"));
			}

			assertThat(rejections.recent(3, null, null, null)).extracting(this::second).containsExactly(9, 8, 7);
			assertThat(rejections.recent(100, RejectionReason.OUT_OF_RANGE, null, null)).extracting(this::second)
				.containsExactly(8, 6, 4, 2, 0);
			assertThat(rejections.recent(100, RejectionReason.BAD_TIME, "BT-KDL-01", null)).extracting(this::second)
				.containsExactly(3, 1);
			assertThat(rejections.recent(100, null, null, NOW.plusSeconds(7))).extracting(this::second)
				.containsExactly(9, 8, 7);
			assertThat(rejections.recent(0, null, null, null)).isEmpty();
		}
	}

	@Test
	void keepsOnlyTheNewestInMemoryButEveryRejectionOnDisk() throws IOException {
		try (FileRejections rejections = open(3)) {
			IntStream.range(0, 10).forEach((i) -> rejections.record(rejection(NOW.plusSeconds(i))));

			assertThat(rejections.recent(100, null, null, null)).extracting(this::second).containsExactly(9, 8, 7);
			assertThat(lines("rejections-2026-11-22.jsonl")).hasSize(10);
		}
	}

	@Test
	void loadsTheNewestRejectionsOfExistingFilesAtStart() throws IOException {
		try (FileRejections first = open(100)) {
			first.record(rejection(NOW.minus(Duration.ofDays(2))));
			first.record(rejection(NOW.minus(Duration.ofDays(1)).plusSeconds(1)));
			first.record(rejection(NOW.minus(Duration.ofDays(1)).plusSeconds(2)));
			first.record(rejection(NOW.plusSeconds(3)));
		}
		// a line torn by a crash, and a blank one
		Files.writeString(this.directory.resolve("rejections-2026-11-22.jsonl"), "{\"at\":\"2026-11-\n\n",
				StandardOpenOption.APPEND);

		try (FileRejections second = open(3)) {
			assertThat(second.recent(100, null, null, null)).extracting(Rejection::at)
				.containsExactly(NOW.plusSeconds(3), NOW.minus(Duration.ofDays(1)).plusSeconds(2),
						NOW.minus(Duration.ofDays(1)).plusSeconds(1));
		}
	}

	@Test
	void deletesFilesOlderThanTheRetentionAtStart() throws IOException {
		Files.writeString(this.directory.resolve("rejections-2026-10-22.jsonl"), "");
		Files.writeString(this.directory.resolve("rejections-2026-10-23.jsonl"), "");
		Files.writeString(this.directory.resolve("notes.txt"), "not ours");

		open(100).close();

		assertThat(files()).containsExactlyInAnyOrder("rejections-2026-10-23.jsonl", "notes.txt");
	}

	@Test
	void deletesExpiredFilesWhenTheDayChanges() throws IOException {
		try (FileRejections rejections = open(100)) {
			rejections.record(rejection(NOW));
			this.clock.set(NOW.plus(Duration.ofDays(31)));
			rejections.record(rejection(NOW.plus(Duration.ofDays(31))));

			assertThat(files()).containsExactly("rejections-2026-12-23.jsonl");
			assertThat(rejections.recent(10, null, null, null)).hasSize(2);
		}
	}

	@Test
	void redactsHj212PasswordsInFilesListsAndLogs(CapturedOutput output) throws IOException {
		Rejection frame = new Rejection(NOW, Transport.HJ212_TCP, RejectionReason.UNKNOWN_SITE,
				"MN 88888880000001 with PW=654321 is not in the catalogue", "10.0.0.7:51234", null,
				"##0101QN=20260115080000000;ST=22;CN=2011;PW=123456;MN=88888880000001;Flag=5;CP=&&&&1C80\r\n");

		try (FileRejections rejections = open(100)) {
			rejections.record(frame);

			assertThat(lines("rejections-2026-11-22.jsonl")).singleElement()
				.satisfies((line) -> assertThat(line).contains("PW=***;MN=").doesNotContain("123456", "654321"));
			assertThat(rejections.recent(1, null, null, null)).singleElement().satisfies((kept) -> {
				assertThat(kept.payload()).contains("PW=***").doesNotContain("123456");
				assertThat(kept.detail()).isEqualTo("MN 88888880000001 with PW=*** is not in the catalogue");
			});
			assertThat(output.getAll()).doesNotContain("123456", "654321");
		}
	}

	@Test
	void logsEachRejectionOnceAtWarnWithoutThePayload(CapturedOutput output) {
		try (FileRejections rejections = open(100)) {
			rejections.record(new Rejection(NOW, Transport.MQTT, RejectionReason.OUT_OF_RANGE,
					"pm25: 99999 µg/m³ is outside the plausible range 0–5000", "lantian/v1/readings/BT-KDL-01",
					"BT-KDL-01", "{\"secret-payload-marker\": 1}"));

			List<String> warnings = output.getAll()
				.lines()
				.filter((line) -> line.contains("WARN") && line.contains("Rejected"))
				.toList();
			assertThat(warnings).singleElement()
				.satisfies((line) -> assertThat(line)
					.contains("mqtt", "lantian/v1/readings/BT-KDL-01", "BT-KDL-01", "OUT_OF_RANGE",
							"pm25: 99999 µg/m³ is outside")
					.doesNotContain("secret-payload-marker"));
		}
	}

	@Test
	void neverThrowsWhenTheFileCannotBeWritten() throws IOException {
		try (FileRejections rejections = open(100)) {
			// the day's file name is taken by a directory
			Files.createDirectory(this.directory.resolve("rejections-2026-11-22.jsonl"));

			rejections.record(rejection(NOW));
			rejections.record(rejection(NOW.plusSeconds(1)));

			assertThat(rejections.recent(10, null, null, null)).hasSize(2);
		}
	}

	@Test
	void refusesNonsensicalSettings() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new FileRejections(this.directory, 0, THIRTY_DAYS, this.clock));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new FileRejections(this.directory, 10, Duration.ofHours(1), this.clock));
	}

	private FileRejections open(int keep) {
		return new FileRejections(this.directory, keep, THIRTY_DAYS, this.clock);
	}

	private List<String> lines(String file) throws IOException {
		return Files.readAllLines(this.directory.resolve(file), StandardCharsets.UTF_8);
	}

	private List<String> files() throws IOException {
		try (Stream<Path> files = Files.list(this.directory)) {
			return files.map((file) -> file.getFileName().toString()).toList();
		}
	}

	private int second(Rejection rejection) {
		return (int) Duration.between(NOW, rejection.at()).toSeconds();
	}

	private static Rejection rejection(Instant at) {
		return rejection(at, RejectionReason.OUT_OF_RANGE, "BT-KDL-01");
	}

	private static Rejection rejection(Instant at, RejectionReason reason, String site) {
		return new Rejection(at, Transport.MQTT, reason, "detail of " + reason, "lantian/v1/readings/BT-KDL-01", site,
				"{\"site\": \"BT-KDL-01\"}");
	}

}
