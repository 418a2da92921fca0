package org.lantian.infra;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Finds the mosquitto and influxd executables that integration tests run. A missing one
 * fails the build with a message saying how to install it; tests are never skipped.
 */
final class ExternalBinary {

	private static final List<Path> FALLBACK_DIRECTORIES = List.of(Path.of("/usr/sbin"), Path.of("/usr/bin"));

	private ExternalBinary() {
	}

	static Path mosquitto() {
		return find("mosquitto");
	}

	static Path influxd() {
		return find("influxd");
	}

	/**
	 * Looks for an executable on {@code PATH}, then in {@code /usr/sbin} and
	 * {@code /usr/bin} (Debian puts mosquitto in /usr/sbin, which a normal user's PATH
	 * often lacks).
	 * @param name the executable's file name
	 * @return the executable's path
	 * @throws IllegalStateException if there is none
	 */
	static Path find(String name) {
		return directories().map((directory) -> directory.resolve(name))
			.filter((candidate) -> Files.isRegularFile(candidate) && Files.isExecutable(candidate))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException(
					name + " not found (PATH, /usr/sbin, /usr/bin). Run scripts/install-deps.sh."));
	}

	private static Stream<Path> directories() {
		String path = Objects.requireNonNullElse(System.getenv("PATH"), "");
		Stream<Path> onPath = Arrays.stream(path.split(File.pathSeparator))
			.filter((entry) -> !entry.isBlank())
			.map(ExternalBinary::toPath)
			.filter(Objects::nonNull);
		return Stream.concat(onPath, FALLBACK_DIRECTORIES.stream()).distinct();
	}

	private static Path toPath(String entry) {
		try {
			return Path.of(entry);
		}
		catch (InvalidPathException ex) {
			return null;
		}
	}

}
