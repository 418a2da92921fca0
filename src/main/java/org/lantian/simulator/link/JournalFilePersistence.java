package org.lantian.simulator.link;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.zip.CRC32;

import org.eclipse.paho.client.mqttv3.MqttClientPersistence;
import org.eclipse.paho.client.mqttv3.MqttPersistable;
import org.eclipse.paho.client.mqttv3.MqttPersistenceException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Paho's store of the messages in flight as one append-only journal per client: a
 * {@code put} and a {@code remove} are each one record, written to the operating system
 * with one {@code write} before Paho goes on, so what a killed simulator had not had
 * acknowledged is there at the next start with the same client id. Paho's
 * {@code MqttDefaultFilePersistence} instead creates, fsyncs and deletes a file per
 * message, about 0.6 ms of kernel time each. There is no fsync per record: a crash of the
 * operating system may lose the last records, which a simulator can afford. The journal
 * is rewritten with only the live messages when opened, after every
 * {@value #COMPACT_AFTER_BYTES} bytes and when closed (then removed if nothing is left).
 * Thread-safe.
 */
final class JournalFilePersistence implements MqttClientPersistence {

	private static final Logger LOG = LoggerFactory.getLogger(JournalFilePersistence.class);

	static final long COMPACT_AFTER_BYTES = 8L << 20;

	private static final byte PUT = 'P';

	private static final byte REMOVE = 'R';

	/** Length and CRC-32 of the body, in front of each record. */
	private static final int RECORD_PREFIX = 8;

	private final Path directory;

	private final Map<String, Stored> messages = new LinkedHashMap<>();

	private @Nullable Path journal;

	private @Nullable FileChannel channel;

	private long writtenSinceCompaction;

	JournalFilePersistence(Path directory) {
		this.directory = Objects.requireNonNull(directory, "directory");
	}

	/** The journal of a client id and server, as a file name. */
	static String fileName(String clientId, String serverUri) {
		return (clientId + "-" + serverUri).replaceAll("[^A-Za-z0-9._-]", "_") + ".journal";
	}

	/**
	 * Reads the journal, if there is one, and compacts it. Paho opens again before every
	 * connection attempt; an open journal stays as it is.
	 */
	@Override
	public synchronized void open(String clientId, String serverUri) throws MqttPersistenceException {
		if (this.channel != null) {
			return;
		}
		Path file = this.directory.resolve(fileName(clientId, serverUri));
		try {
			Files.createDirectories(this.directory);
			this.messages.clear();
			if (Files.exists(file)) {
				replay(file);
			}
			this.journal = file;
			compact();
		}
		catch (IOException | UncheckedIOException ex) {
			throw new MqttPersistenceException(ex);
		}
		if (!this.messages.isEmpty()) {
			LOG.info("MQTT: {} unacknowledged messages of the last run read from {}", this.messages.size(), file);
		}
	}

	/**
	 * Leaves a compacted journal with what is still unacknowledged, or none when nothing
	 * is.
	 */
	@Override
	public synchronized void close() throws MqttPersistenceException {
		if (this.channel == null) {
			return;
		}
		Path file = Objects.requireNonNull(this.journal, "journal");
		try {
			compact();
			Objects.requireNonNull(this.channel, "channel").close();
			if (this.messages.isEmpty()) {
				Files.deleteIfExists(file);
			}
		}
		catch (IOException ex) {
			throw new MqttPersistenceException(ex);
		}
		finally {
			this.channel = null;
			this.messages.clear();
		}
	}

	@Override
	public synchronized void put(String key, MqttPersistable persistable) throws MqttPersistenceException {
		Stored stored = Stored.copyOf(persistable);
		append(PUT, key, stored);
		this.messages.put(key, stored);
	}

	@Override
	public synchronized @Nullable MqttPersistable get(String key) throws MqttPersistenceException {
		return this.messages.get(key);
	}

	@Override
	public synchronized void remove(String key) throws MqttPersistenceException {
		if (this.messages.remove(key) != null) {
			append(REMOVE, key, null);
		}
	}

	@Override
	public synchronized Enumeration<String> keys() {
		return Collections.enumeration(new ArrayList<>(this.messages.keySet()));
	}

	@Override
	public synchronized void clear() throws MqttPersistenceException {
		this.messages.clear();
		if (this.journal == null) {
			return;
		}
		try {
			compact();
		}
		catch (IOException ex) {
			throw new MqttPersistenceException(ex);
		}
	}

	@Override
	public synchronized boolean containsKey(String key) {
		return this.messages.containsKey(key);
	}

	private void append(byte type, String key, @Nullable Stored stored) throws MqttPersistenceException {
		FileChannel open = this.channel;
		if (open == null) {
			throw new MqttPersistenceException(new IOException("the MQTT journal in " + this.directory + " is closed"));
		}
		try {
			ByteBuffer record = ByteBuffer.wrap(record(type, key, stored));
			while (record.hasRemaining()) {
				open.write(record);
			}
			this.writtenSinceCompaction += record.capacity();
			if (this.writtenSinceCompaction > COMPACT_AFTER_BYTES) {
				compact();
			}
		}
		catch (IOException ex) {
			throw new MqttPersistenceException(ex);
		}
	}

	/**
	 * Writes the live messages to a new journal and puts it in place of the old one
	 * (fsynced first: this happens once per {@value #COMPACT_AFTER_BYTES} bytes, not per
	 * message).
	 */
	private void compact() throws IOException {
		Path file = Objects.requireNonNull(this.journal, "journal");
		Path fresh = file.resolveSibling(file.getFileName() + ".new");
		try (FileChannel out = FileChannel.open(fresh, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
				StandardOpenOption.TRUNCATE_EXISTING)) {
			for (Map.Entry<String, Stored> message : this.messages.entrySet()) {
				ByteBuffer record = ByteBuffer.wrap(record(PUT, message.getKey(), message.getValue()));
				while (record.hasRemaining()) {
					out.write(record);
				}
			}
			out.force(true);
		}
		FileChannel old = this.channel;
		this.channel = null;
		if (old != null) {
			old.close();
		}
		Files.move(fresh, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		this.channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
		this.writtenSinceCompaction = 0;
	}

	/**
	 * Applies the records in order; a torn or damaged record (the simulator died while
	 * writing it) ends the journal there.
	 */
	private void replay(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file); DataInputStream data = new DataInputStream(in)) {
			while (true) {
				int length;
				try {
					length = data.readInt();
				}
				catch (EOFException end) {
					return;
				}
				int crc = data.readInt();
				if (length < 1 || length > 64 << 20) {
					LOG.warn("MQTT journal {}: damaged record length {}; the rest is ignored", file, length);
					return;
				}
				byte[] body = data.readNBytes(length);
				if (body.length < length || crc(body, 0, body.length) != crc) {
					LOG.warn("MQTT journal {}: the last record is incomplete or damaged and is ignored", file);
					return;
				}
				apply(new DataInputStream(new ByteArrayInputStream(body)));
			}
		}
		catch (EOFException torn) {
			LOG.warn("MQTT journal {}: the last record is incomplete and is ignored", file);
		}
	}

	private void apply(DataInputStream body) throws IOException {
		byte type = body.readByte();
		String key = body.readUTF();
		if (type == REMOVE) {
			this.messages.remove(key);
			return;
		}
		byte[] header = new byte[body.readInt()];
		body.readFully(header);
		byte[] payload = new byte[body.readInt()];
		body.readFully(payload);
		this.messages.put(key, new Stored(header, payload));
	}

	/** Length, CRC-32 and body (type, key and, for a put, header and payload). */
	private static byte[] record(byte type, String key, @Nullable Stored stored) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(
				RECORD_PREFIX + 16 + key.length() + ((stored != null) ? stored.size() : 0));
		try (DataOutputStream out = new DataOutputStream(bytes)) {
			out.writeLong(0);
			out.writeByte(type);
			out.writeUTF(key);
			if (stored != null) {
				out.writeInt(stored.header.length);
				out.write(stored.header);
				out.writeInt(stored.payload.length);
				out.write(stored.payload);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		byte[] record = bytes.toByteArray();
		int length = record.length - RECORD_PREFIX;
		ByteBuffer.wrap(record).putInt(0, length).putInt(4, crc(record, RECORD_PREFIX, length));
		return record;
	}

	private static int crc(byte[] bytes, int offset, int length) {
		CRC32 crc = new CRC32();
		crc.update(bytes, offset, length);
		return (int) crc.getValue();
	}

	/** A message as Paho stores it: the encoded header and the payload, copied. */
	private static final class Stored implements MqttPersistable {

		private final byte[] header;

		private final byte[] payload;

		Stored(byte[] header, byte[] payload) {
			this.header = header;
			this.payload = payload;
		}

		static Stored copyOf(MqttPersistable persistable) throws MqttPersistenceException {
			byte[] header = Arrays.copyOfRange(persistable.getHeaderBytes(), persistable.getHeaderOffset(),
					persistable.getHeaderOffset() + persistable.getHeaderLength());
			byte[] payloadBytes = persistable.getPayloadBytes();
			byte[] payload = (payloadBytes == null) ? new byte[0] : Arrays.copyOfRange(payloadBytes,
					persistable.getPayloadOffset(), persistable.getPayloadOffset() + persistable.getPayloadLength());
			return new Stored(header, payload);
		}

		int size() {
			return this.header.length + this.payload.length;
		}

		@Override
		public byte[] getHeaderBytes() {
			return this.header;
		}

		@Override
		public int getHeaderLength() {
			return this.header.length;
		}

		@Override
		public int getHeaderOffset() {
			return 0;
		}

		@Override
		public byte[] getPayloadBytes() {
			return this.payload;
		}

		@Override
		public int getPayloadLength() {
			return this.payload.length;
		}

		@Override
		public int getPayloadOffset() {
			return 0;
		}

	}

}
