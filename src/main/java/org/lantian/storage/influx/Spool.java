package org.lantian.storage.influx;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store-and-forward spool: an append-only queue of line-protocol batches on disk, one
 * segment file per batch, named by a 20-digit sequence number
 * ({@code 00000000000000000042.lp}) so that name order is append order.
 * <p>
 * A segment is written to {@code <name>.lp.tmp}, forced to the device
 * ({@link FileChannel#force(boolean)}), renamed atomically to its name and the directory
 * forced, so a segment either exists completely or not at all. On opening, leftover
 * temporary files (a crash in the middle of an append) are deleted and the existing
 * segments are queued for replay in order: whatever the spool acknowledged survives a
 * killed process. A segment that reappears after a crash during its deletion is replayed
 * again, which InfluxDB's overwrite makes harmless.
 * <p>
 * Thread-safe, though the writer thread is its only user; the depth is read by gauges.
 */
final class Spool {

	private static final Logger LOG = LoggerFactory.getLogger(Spool.class);

	static final String SUFFIX = ".lp";

	static final String TEMP_SUFFIX = ".lp.tmp";

	private static final boolean IS_WINDOWS = System.getProperty("os.name", "")
		.toLowerCase(Locale.ROOT)
		.startsWith("windows");

	private static final Pattern SEGMENT = Pattern.compile("\\d{20}\\.lp");

	private final Path dir;

	private final long maxBytes;

	private final Deque<Segment> segments = new ArrayDeque<>();

	private long nextSequence;

	private volatile long points;

	private volatile long bytes;

	private volatile int count;

	private Spool(Path dir, long maxBytes, List<Segment> existing) {
		this.dir = dir;
		this.maxBytes = maxBytes;
		this.segments.addAll(existing);
		this.nextSequence = existing.isEmpty() ? 1 : existing.get(existing.size() - 1).sequence() + 1;
		recount();
	}

	/**
	 * Opens (creating it if needed) the spool in a directory, deleting torn temporary
	 * files.
	 * @param maxBytes the most the segments may hold together
	 */
	static Spool open(Path dir, long maxBytes) throws IOException {
		Files.createDirectories(dir);
		TreeMap<Long, Segment> found = new TreeMap<>();
		int torn = 0;
		try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
			for (Path file : files) {
				String name = file.getFileName().toString();
				if (name.endsWith(TEMP_SUFFIX)) {
					Files.deleteIfExists(file);
					torn++;
				}
				else if (SEGMENT.matcher(name).matches()) {
					long sequence = Long.parseLong(name.substring(0, name.length() - SUFFIX.length()));
					List<String> lines = readLines(file);
					found.put(sequence, new Segment(sequence, file, lines.size(), Files.size(file)));
				}
			}
		}
		if (torn > 0) {
			syncDirectory(dir);
			LOG.warn("Deleted {} torn temporary segment file(s) in spool {}", torn, dir);
		}
		Spool spool = new Spool(dir, maxBytes, new ArrayList<>(found.values()));
		if (!found.isEmpty()) {
			LOG.info("Spool {} holds {} point(s) in {} segment(s); they will be replayed to InfluxDB", dir,
					spool.points(), spool.segments());
		}
		return spool;
	}

	Path directory() {
		return this.dir;
	}

	/**
	 * Appends one batch of lines as a new segment, durably.
	 * @throws IOException if it could not be written and forced to disk, or the spool is
	 * full
	 */
	synchronized Segment append(List<String> lines) throws IOException {
		if (lines.isEmpty()) {
			throw new IllegalArgumentException("empty spool segment");
		}
		byte[] content = join(lines);
		if (this.bytes + content.length > this.maxBytes) {
			throw new IOException("spool " + this.dir + " is full: " + this.bytes + " + " + content.length
					+ " bytes exceed " + this.maxBytes);
		}
		long sequence = this.nextSequence;
		Path target = this.dir.resolve(name(sequence));
		writeDurably(target, content);
		this.nextSequence++;
		Segment segment = new Segment(sequence, target, lines.size(), content.length);
		this.segments.addLast(segment);
		recount();
		return segment;
	}

	/** The oldest segment, if any. */
	synchronized Optional<Segment> head() {
		return Optional.ofNullable(this.segments.peekFirst());
	}

	/** The lines of a segment, in order. */
	List<String> read(Segment segment) throws IOException {
		return readLines(segment.path());
	}

	/** Removes a segment whose points InfluxDB acknowledged. */
	synchronized void delete(Segment segment) throws IOException {
		Files.deleteIfExists(segment.path());
		this.segments.remove(segment);
		recount();
	}

	/**
	 * Replaces a segment's lines (what is left of it after part was written or rejected),
	 * atomically.
	 * @return the segment as it is now
	 */
	synchronized Segment replace(Segment segment, List<String> lines) throws IOException {
		if (lines.isEmpty()) {
			delete(segment);
			return new Segment(segment.sequence(), segment.path(), 0, 0);
		}
		byte[] content = join(lines);
		writeDurably(segment.path(), content);
		Segment replaced = new Segment(segment.sequence(), segment.path(), lines.size(), content.length);
		List<Segment> all = new ArrayList<>(this.segments);
		all.replaceAll((s) -> (s.sequence() == segment.sequence()) ? replaced : s);
		this.segments.clear();
		this.segments.addAll(all);
		recount();
		return replaced;
	}

	boolean isEmpty() {
		return this.count == 0;
	}

	/** How many points wait in the spool. */
	long points() {
		return this.points;
	}

	/** How many segments wait in the spool. */
	int segments() {
		return this.count;
	}

	long bytes() {
		return this.bytes;
	}

	private void recount() {
		long p = 0;
		long b = 0;
		for (Segment segment : this.segments) {
			p += segment.points();
			b += segment.bytes();
		}
		this.points = p;
		this.bytes = b;
		this.count = this.segments.size();
	}

	static String name(long sequence) {
		return String.format("%020d", sequence) + SUFFIX;
	}

	private void writeDurably(Path target, byte[] content) throws IOException {
		Path temp = target.resolveSibling(target.getFileName() + ".tmp");
		try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE,
				StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
			ByteBuffer buffer = ByteBuffer.wrap(content);
			while (buffer.hasRemaining()) {
				channel.write(buffer);
			}
			channel.force(true);
		}
		catch (IOException ex) {
			Files.deleteIfExists(temp);
			throw ex;
		}
		Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
		syncDirectory(this.dir);
	}

	// Makes the rename itself durable. POSIX only: Windows cannot open a directory, and
	// renames there are durable
	// once MoveFileEx returns.
	private static void syncDirectory(Path dir) throws IOException {
		if (IS_WINDOWS) {
			return;
		}
		try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
			channel.force(true);
		}
	}

	private static byte[] join(List<String> lines) {
		StringBuilder text = new StringBuilder(lines.size() * 160);
		for (String line : lines) {
			text.append(line).append('\n');
		}
		return text.toString().getBytes(StandardCharsets.UTF_8);
	}

	private static List<String> readLines(Path file) throws IOException {
		String text = Files.readString(file, StandardCharsets.UTF_8);
		List<String> lines = new ArrayList<>();
		int start = 0;
		while (start < text.length()) {
			int end = text.indexOf('\n', start);
			if (end < 0) {
				end = text.length();
			}
			if (end > start) {
				lines.add(text.substring(start, end));
			}
			start = end + 1;
		}
		return lines;
	}

	/**
	 * One spooled batch.
	 */
	record Segment(long sequence, Path path, int points, long bytes) {
	}

}
