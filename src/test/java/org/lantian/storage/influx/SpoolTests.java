package org.lantian.storage.influx;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

class SpoolTests {

	private static final long UNLIMITED = Long.MAX_VALUE;

	@TempDir
	Path dir;

	@Test
	void readsSegmentsBackInTheOrderTheyWereAppended() throws IOException {
		Spool spool = Spool.open(this.dir, UNLIMITED);
		spool.append(List.of("m v=1 1", "m v=2 2"));
		spool.append(List.of("m v=3 3"));
		spool.append(List.of("m v=4 4", "m v=5 5", "m v=6 6"));

		assertThat(spool.segments()).isEqualTo(3);
		assertThat(spool.points()).isEqualTo(6);
		Spool.Segment first = spool.head().orElseThrow();
		assertThat(spool.read(first)).containsExactly("m v=1 1", "m v=2 2");
		spool.delete(first);
		Spool.Segment second = spool.head().orElseThrow();
		assertThat(spool.read(second)).containsExactly("m v=3 3");
		spool.delete(second);
		assertThat(spool.read(spool.head().orElseThrow())).containsExactly("m v=4 4", "m v=5 5", "m v=6 6");
		assertThat(spool.points()).isEqualTo(3);
	}

	@Test
	void namesSegmentsByTwentyDigitSequenceNumbers() throws IOException {
		Spool spool = Spool.open(this.dir, UNLIMITED);
		spool.append(List.of("m v=1 1"));
		spool.append(List.of("m v=2 2"));

		assertThat(files()).containsExactly("00000000000000000001.lp", "00000000000000000002.lp");
		assertThat(Files.readString(this.dir.resolve("00000000000000000002.lp"))).isEqualTo("m v=2 2\n");
	}

	@Test
	void survivesReopeningAndContinuesTheSequence() throws IOException {
		Spool before = Spool.open(this.dir, UNLIMITED);
		before.append(List.of("m,site=a v=1 1", "m,site=a v=2 2"));
		before.append(List.of("m,site=中 v=3 3"));

		Spool after = Spool.open(this.dir, UNLIMITED);

		assertThat(after.segments()).isEqualTo(2);
		assertThat(after.points()).isEqualTo(3);
		assertThat(after.read(after.head().orElseThrow())).containsExactly("m,site=a v=1 1", "m,site=a v=2 2");
		Spool.Segment third = after.append(List.of("m v=4 4"));
		assertThat(third.sequence()).isEqualTo(3);
	}

	@Test
	void deletesATornTemporaryFileAndNeverReplaysIt() throws IOException {
		Spool spool = Spool.open(this.dir, UNLIMITED);
		spool.append(List.of("m v=1 1"));
		Files.writeString(this.dir.resolve("00000000000000000002.lp.tmp"), "m v=2 2\nm v=3");
		Files.writeString(this.dir.resolve("notes.txt"), "not a segment");

		Spool reopened = Spool.open(this.dir, UNLIMITED);

		assertThat(reopened.segments()).isEqualTo(1);
		assertThat(reopened.points()).isEqualTo(1);
		assertThat(files()).containsExactly("00000000000000000001.lp", "notes.txt");
		assertThat(reopened.append(List.of("m v=9 9")).sequence()).isEqualTo(2);
	}

	@Test
	void replacesWhatIsLeftOfASegmentInPlace() throws IOException {
		Spool spool = Spool.open(this.dir, UNLIMITED);
		Spool.Segment first = spool.append(List.of("m v=1 1", "m v=2 2", "m v=3 3"));
		spool.append(List.of("m v=4 4"));

		spool.replace(first, List.of("m v=3 3"));

		assertThat(spool.points()).isEqualTo(2);
		assertThat(spool.read(spool.head().orElseThrow())).containsExactly("m v=3 3");
		assertThat(Spool.open(this.dir, UNLIMITED).points()).isEqualTo(2);
		spool.replace(spool.head().orElseThrow(), List.of());
		assertThat(spool.read(spool.head().orElseThrow())).containsExactly("m v=4 4");
		assertThat(files()).containsExactly("00000000000000000002.lp");
	}

	@Test
	void refusesToGrowBeyondItsMaximumSize() throws IOException {
		Spool spool = Spool.open(this.dir, 20);
		spool.append(List.of("m v=1 1"));

		assertThatIOException().isThrownBy(() -> spool.append(List.of("m v=2 2", "m v=3 3")))
			.withMessageContaining("full");
		assertThat(spool.segments()).isEqualTo(1);
		assertThat(files()).containsExactly("00000000000000000001.lp");
	}

	@Test
	void startsEmptyInANewDirectory() throws IOException {
		Spool spool = Spool.open(this.dir.resolve("var/spool"), UNLIMITED);

		assertThat(spool.isEmpty()).isTrue();
		assertThat(spool.head()).isEmpty();
		assertThat(Files.isDirectory(this.dir.resolve("var/spool"))).isTrue();
	}

	private List<String> files() throws IOException {
		try (Stream<Path> files = Files.list(this.dir)) {
			return files.map((file) -> file.getFileName().toString()).sorted().toList();
		}
	}

}
