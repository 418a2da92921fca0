package org.lantian.ingest.deadletter;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jspecify.annotations.Nullable;
import org.lantian.ingest.Rejection;
import org.lantian.ingest.RejectionReason;
import org.lantian.ingest.Rejections;
import org.lantian.ingest.Transport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dead letters as append-only JSON-lines files, one per UTC day
 * ({@code rejections-2026-11-22.jsonl}), plus the newest rejections in memory for
 * {@link #recent}. Each rejection is logged once at WARN (never its payload above DEBUG,
 * HJ 212 passwords redacted). Files older than the retention are deleted at start and
 * when the day changes.
 */
public class FileRejections implements Rejections, AutoCloseable {

	private static final Logger LOG = LoggerFactory.getLogger(FileRejections.class);

	private static final Pattern FILE_NAME = Pattern.compile("rejections-(\\d{4}-\\d{2}-\\d{2})\\.jsonl");

	/** HJ 212 access passwords ({@code PW=123456;}) never reach a log or a file. */
	private static final Pattern PASSWORD = Pattern.compile("(?i)(\\bPW=)[^;&,\\s\"]*");

	private static final ObjectMapper JSON = new ObjectMapper();

	private final Path directory;

	private final int keep;

	private final Duration retention;

	private final Clock clock;

	private final ReentrantLock lock = new ReentrantLock();

	/** Newest first; guarded by {@link #lock}. */
	private final Deque<Rejection> newest;

	private @Nullable BufferedWriter writer;

	private @Nullable LocalDate writerDay;

	private boolean failing;

	/**
	 * Creates the directory if needed, deletes expired files and loads the newest
	 * rejections of the others.
	 * @param keep how many rejections to keep in memory
	 * @param retention how long files are kept, by their day
	 * @throws UncheckedIOException if the directory cannot be created or read
	 */
	public FileRejections(Path directory, int keep, Duration retention, Clock clock) {
		if (keep < 1) {
			throw new IllegalArgumentException("must keep at least one rejection in memory: " + keep);
		}
		if (retention.compareTo(Duration.ofDays(1)) < 0) {
			throw new IllegalArgumentException("dead letters must be kept for at least a day: " + retention);
		}
		this.directory = directory.toAbsolutePath().normalize();
		this.keep = keep;
		this.retention = retention;
		this.clock = Objects.requireNonNull(clock, "clock");
		try {
			Files.createDirectories(this.directory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot create the dead-letter directory " + this.directory, ex);
		}
		deleteExpired(today());
		this.newest = load();
		LOG.info("Dead letters in {}: {} recent rejections loaded, files kept for {} days", this.directory,
				this.newest.size(), retention.toDays());
	}

	@Override
	public void record(Rejection rejection) {
		try {
			Rejection redacted = redact(rejection);
			log(redacted);
			this.lock.lock();
			try {
				this.newest.addFirst(redacted);
				if (this.newest.size() > this.keep) {
					this.newest.removeLast();
				}
				append(redacted);
			}
			finally {
				this.lock.unlock();
			}
		}
		catch (RuntimeException ex) {
			LOG.error("Could not keep a rejection in the dead letters", ex);
		}
	}

	@Override
	public List<Rejection> recent(int limit, @Nullable RejectionReason reason, @Nullable String site,
			@Nullable Instant since) {
		List<Rejection> result = new ArrayList<>(Math.max(0, Math.min(limit, 1000)));
		if (limit <= 0) {
			return result;
		}
		this.lock.lock();
		try {
			for (Rejection rejection : this.newest) {
				if (since != null && rejection.at().isBefore(since)) {
					// newest first, and mostly in time order: later entries can still be
					// newer after a clock step
					continue;
				}
				if ((reason == null || rejection.reason() == reason)
						&& (site == null || site.equals(rejection.site()))) {
					result.add(rejection);
					if (result.size() == limit) {
						break;
					}
				}
			}
		}
		finally {
			this.lock.unlock();
		}
		return result;
	}

	/** Closes the current file. */
	@Override
	public void close() {
		this.lock.lock();
		try {
			closeWriter();
		}
		finally {
			this.lock.unlock();
		}
	}

	Path directory() {
		return this.directory;
	}

	private void append(Rejection rejection) {
		LocalDate day = LocalDate.ofInstant(rejection.at(), ZoneOffset.UTC);
		try {
			if (this.writer == null || !day.equals(this.writerDay)) {
				LocalDate previous = this.writerDay;
				closeWriter();
				if (previous != null && day.isAfter(previous)) {
					deleteExpired(today());
				}
				this.writer = Files.newBufferedWriter(file(day), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
						StandardOpenOption.APPEND);
				this.writerDay = day;
			}
			this.writer.write(toJson(rejection));
			this.writer.write('\n');
			this.writer.flush();
			if (this.failing) {
				LOG.info("Dead letters are written to {} again", this.directory);
				this.failing = false;
			}
		}
		catch (IOException ex) {
			closeWriter();
			if (!this.failing) {
				// logged once until writing works again; the rejection is still in memory
				// and was logged
				LOG.error("Could not write dead letters to {}: {}", this.directory, ex.toString());
				this.failing = true;
			}
		}
	}

	private void closeWriter() {
		if (this.writer != null) {
			try {
				this.writer.close();
			}
			catch (IOException ex) {
				LOG.warn("Could not close the dead-letter file of {}: {}", this.writerDay, ex.toString());
			}
			this.writer = null;
			this.writerDay = null;
		}
	}

	private Path file(LocalDate day) {
		return this.directory.resolve("rejections-" + day + ".jsonl");
	}

	private LocalDate today() {
		return LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC);
	}

	/** The dead-letter files by day, oldest first. */
	private Map<LocalDate, Path> files() {
		Map<LocalDate, Path> files = new TreeMap<>();
		try (DirectoryStream<Path> entries = Files.newDirectoryStream(this.directory, "rejections-*.jsonl")) {
			for (Path entry : entries) {
				Matcher name = FILE_NAME.matcher(entry.getFileName().toString());
				if (name.matches()) {
					try {
						files.put(LocalDate.parse(name.group(1)), entry);
					}
					catch (DateTimeParseException ex) {
						LOG.debug("Ignoring {}: not a dead-letter file", entry);
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot list the dead-letter directory " + this.directory, ex);
		}
		return files;
	}

	private void deleteExpired(LocalDate today) {
		LocalDate oldestKept = today.minusDays(this.retention.toDays());
		try {
			for (Map.Entry<LocalDate, Path> file : files().entrySet()) {
				if (file.getKey().isBefore(oldestKept)) {
					Files.deleteIfExists(file.getValue());
					LOG.info("Deleted expired dead letters {}", file.getValue().getFileName());
				}
			}
		}
		catch (IOException | UncheckedIOException ex) {
			LOG.warn("Could not delete expired dead letters in {}: {}", this.directory, ex.toString());
		}
	}

	/**
	 * The newest {@link #keep} rejections of the files, newest first, reading the newest
	 * files first.
	 */
	private Deque<Rejection> load() {
		List<Path> newestFirst = new ArrayList<>(files().values());
		newestFirst.sort(Comparator.comparing(Path::getFileName).reversed());
		Deque<Rejection> loaded = new ArrayDeque<>();
		for (Path file : newestFirst) {
			if (loaded.size() >= this.keep) {
				break;
			}
			Deque<Rejection> tail = tail(file, this.keep - loaded.size());
			Iterator<Rejection> newestOfFile = tail.descendingIterator();
			while (newestOfFile.hasNext()) {
				loaded.addLast(newestOfFile.next());
			}
		}
		return loaded;
	}

	/**
	 * The last {@code count} readable lines of a file, oldest first; a torn or foreign
	 * line is skipped.
	 */
	private Deque<Rejection> tail(Path file, int count) {
		Deque<Rejection> tail = new ArrayDeque<>(Math.min(count, 1024));
		int unreadable = 0;
		try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			String line;
			while ((line = reader.readLine()) != null) {
				if (line.isBlank()) {
					continue;
				}
				Rejection rejection = fromJson(line);
				if (rejection == null) {
					unreadable++;
					continue;
				}
				tail.addLast(rejection);
				if (tail.size() > count) {
					tail.removeFirst();
				}
			}
		}
		catch (IOException | UncheckedIOException ex) {
			LOG.warn("Could not read dead letters {}: {}", file, ex.toString());
		}
		if (unreadable > 0) {
			LOG.warn("Skipped {} unreadable lines of {}", unreadable, file);
		}
		return tail;
	}

	static String toJson(Rejection rejection) {
		ObjectNode node = JSON.createObjectNode();
		node.put("at", rejection.at().toString());
		node.put("transport", rejection.transport().name());
		node.put("reason", rejection.reason().name());
		node.put("detail", rejection.detail());
		node.put("source", rejection.source());
		node.put("site", rejection.site());
		node.put("payload", rejection.payload());
		try {
			return JSON.writeValueAsString(node);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("cannot write a rejection as JSON", ex);
		}
	}

	static @Nullable Rejection fromJson(String line) {
		try {
			JsonNode node = JSON.readTree(line);
			JsonNode site = node.get("site");
			return new Rejection(Instant.parse(node.get("at").asText()),
					Transport.valueOf(node.get("transport").asText()),
					RejectionReason.valueOf(node.get("reason").asText()), node.get("detail").asText(),
					node.get("source").asText(), (site == null || site.isNull()) ? null : site.asText(),
					node.path("payload").asText(""));
		}
		catch (JsonProcessingException | RuntimeException ex) {
			return null;
		}
	}

	private static Rejection redact(Rejection rejection) {
		String site = rejection.site();
		return new Rejection(rejection.at(), rejection.transport(), rejection.reason(), redact(rejection.detail()),
				redact(rejection.source()), (site != null) ? redact(site) : null, redact(rejection.payload()));
	}

	static String redact(String text) {
		return (text.indexOf('=') < 0) ? text : PASSWORD.matcher(text).replaceAll("$1***");
	}

	private static void log(Rejection rejection) {
		LOG.warn("Rejected {} input from {} (site {}): {}: {}", rejection.transport().tag(),
				printable(rejection.source()), (rejection.site() != null) ? printable(rejection.site()) : "-",
				rejection.reason(), printable(rejection.detail()));
		if (LOG.isDebugEnabled()) {
			LOG.debug("Rejected payload from {}: {}", printable(rejection.source()), printable(rejection.payload()));
		}
	}

	/** No line breaks or other control characters from devices in our log lines. */
	private static String printable(String text) {
		StringBuilder result = null;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isISOControl(c)) {
				if (result == null) {
					result = new StringBuilder(text.length() + 16).append(text, 0, i);
				}
				result.append(String.format("\\u%04x", (int) c));
			}
			else if (result != null) {
				result.append(c);
			}
		}
		return (result != null) ? result.toString() : text;
	}

}
