package org.lantian.storage.influx;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBException;
import org.influxdb.InfluxDBFactory;
import org.influxdb.dto.Pong;
import org.influxdb.dto.Query;
import org.influxdb.dto.QueryResult;
import org.jspecify.annotations.Nullable;
import org.lantian.storage.StorageUnavailableException;
import org.lantian.storage.influx.InfluxWriteException.Failure;

/**
 * The thin client of InfluxDB's v1 HTTP API, on influxdb-java: line protocol to
 * {@code /write?precision=ms}, InfluxQL to {@code /query} with epoch-millisecond times,
 * {@code /ping}. Thread-safe.
 * <p>
 * influxdb-java reports a refused write as an {@link InfluxDBException} without its HTTP
 * status, and its own classification ({@link InfluxDBException#isRetryWorth()}) calls a
 * 400 it does not recognise (e.g. a partial write over {@code max-values-per-tag})
 * retryable, which would stall the spool for ever. So an interceptor turns every failed
 * {@code /write} response into a {@link WriteRefusedException} that carries the status,
 * and the writer decides on that.
 */
final class InfluxHttp implements AutoCloseable {

	private final InfluxDB client;

	private final String database;

	InfluxHttp(InfluxProperties properties) {
		OkHttpClient.Builder http = new OkHttpClient.Builder()
			.connectTimeout(properties.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
			.readTimeout(properties.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
			.writeTimeout(properties.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
			.addInterceptor(new WriteStatusInterceptor());
		String username = properties.username();
		this.client = (username != null && !username.isBlank())
				? InfluxDBFactory.connect(properties.url(), username,
						(properties.password() != null) ? properties.password() : "", http)
				: InfluxDBFactory.connect(properties.url(), http);
		this.client.setLogLevel(InfluxDB.LogLevel.NONE);
		this.database = properties.database();
	}

	String database() {
		return this.database;
	}

	/**
	 * Writes newline-separated points with millisecond timestamps.
	 * @throws InfluxWriteException if InfluxDB did not acknowledge them, classified
	 */
	void write(String lines) throws InfluxWriteException {
		try {
			this.client.write(this.database, null, InfluxDB.ConsistencyLevel.ONE, TimeUnit.MILLISECONDS, lines);
		}
		catch (RuntimeException ex) {
			throw new InfluxWriteException(classify(ex), messageOf(ex), ex);
		}
	}

	/** {@code CREATE DATABASE}, which does nothing if it exists. */
	void createDatabase() {
		checkErrors(this.client.query(new Query(InfluxQl.createDatabase(this.database), null, true)));
	}

	/**
	 * The server's version, if {@code /ping} answers.
	 * @throws InfluxDBException if it does not
	 */
	String ping() {
		Pong pong = this.client.ping();
		if (!pong.isGood()) {
			throw new InfluxDBException("ping answered without a version");
		}
		return pong.getVersion();
	}

	/**
	 * Runs InfluxQL (one or more statements) on the database; times come back as epoch
	 * milliseconds.
	 * @return one result per statement
	 * @throws StorageUnavailableException if InfluxDB cannot be reached or refuses the
	 * query
	 */
	List<QueryResult.Result> query(String influxQl) {
		try {
			QueryResult result = this.client.query(new Query(influxQl, this.database), TimeUnit.MILLISECONDS);
			checkErrors(result);
			return (result.getResults() != null) ? result.getResults() : List.of();
		}
		catch (InfluxDBException ex) {
			throw new StorageUnavailableException("InfluxDB query failed: " + ex.getMessage(), ex);
		}
	}

	private static void checkErrors(QueryResult result) {
		if (result.hasError()) {
			throw new InfluxDBException(result.getError());
		}
		if (result.getResults() != null) {
			for (QueryResult.Result statement : result.getResults()) {
				if (statement.hasError()) {
					throw new InfluxDBException(statement.getError());
				}
			}
		}
	}

	@Override
	public void close() {
		this.client.close();
	}

	/**
	 * What a failed write means for the points in it.
	 */
	static Failure classify(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof WriteRefusedException refused) {
				return classify(refused.status(), refused.body());
			}
		}
		if (failure instanceof InfluxDBException.DatabaseNotFoundException) {
			return Failure.DATABASE_NOT_FOUND;
		}
		if (failure instanceof InfluxDBException.AuthorizationFailedException
				|| failure instanceof InfluxDBException.HintedHandOffQueueNotEmptyException) {
			return Failure.RETRYABLE;
		}
		if (failure instanceof InfluxDBException influx && !influx.isRetryWorth()) {
			return Failure.INVALID;
		}
		return Failure.RETRYABLE;
	}

	/**
	 * What an HTTP error status of {@code /write} means (InfluxDB 1.x
	 * {@code services/httpd/handler.go}).
	 */
	static Failure classify(int status, String body) {
		if (status == 404 || body.toLowerCase(Locale.ROOT).contains("database not found")) {
			return Failure.DATABASE_NOT_FOUND;
		}
		if (status == 400 || status == 413) {
			return Failure.INVALID;
		}
		return Failure.RETRYABLE;
	}

	private static String messageOf(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof WriteRefusedException refused) {
				return "HTTP " + refused.status() + ": " + refused.body();
			}
		}
		return String.valueOf(failure.getMessage());
	}

	/**
	 * A {@code /write} answered with an error status; thrown as an {@link IOException} so
	 * that it reaches us through influxdb-java (as the cause of its
	 * {@code InfluxDBIOException}) with the status intact.
	 */
	static final class WriteRefusedException extends IOException {

		private static final long serialVersionUID = 1L;

		private final int status;

		private final String body;

		WriteRefusedException(int status, String body) {
			super("HTTP " + status + ": " + body);
			this.status = status;
			this.body = body;
		}

		int status() {
			return this.status;
		}

		String body() {
			return this.body;
		}

	}

	private static final class WriteStatusInterceptor implements Interceptor {

		private static final int MAX_BODY_CHARS = 2048;

		@Override
		public Response intercept(Chain chain) throws IOException {
			Response response = chain.proceed(chain.request());
			if (response.isSuccessful() || !chain.request().url().encodedPath().endsWith("/write")) {
				return response;
			}
			String body;
			try (ResponseBody content = response.body()) {
				body = bodyText(content);
			}
			throw new WriteRefusedException(response.code(), body);
		}

		private static String bodyText(@Nullable ResponseBody content) throws IOException {
			if (content == null) {
				return "";
			}
			String text = content.string().strip();
			return (text.length() > MAX_BODY_CHARS) ? text.substring(0, MAX_BODY_CHARS) + "…" : text;
		}

	}

}
