package org.lantian.storage.influx;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;

import org.influxdb.InfluxDBException;
import org.influxdb.InfluxDBIOException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.lantian.storage.influx.InfluxWriteException.Failure;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a failed {@code /write} is classified; the bodies are what influxd 1.6 answers.
 */
class InfluxHttpTests {

	@ParameterizedTest(name = "{0} {1} → {2}")
	@CsvSource(delimiter = '|',
			textBlock = """
					400 | {"error":"partial write: field type conflict: input field \\"so2\\" on measurement \\"reading\\" is type float, already exists as type string dropped=1"} | INVALID
					400 | {"error":"unable to parse 'm,s= v=1 7000': missing tag value"}  | INVALID
					400 | {"error":"partial write: points beyond retention policy dropped=3"} | INVALID
					413 | {"error":"Request Entity Too Large"}                              | INVALID
					404 | {"error":"database not found: \\"lantian\\""}                     | DATABASE_NOT_FOUND
					401 | {"error":"authorization failed"}                                  | RETRYABLE
					500 | {"error":"timeout"}                                               | RETRYABLE
					503 | ''                                                                | RETRYABLE
					""")
	void classifiesRefusedWritesByStatus(int status, String body, Failure failure) {
		assertThat(InfluxHttp.classify(new InfluxDBIOException(new InfluxHttp.WriteRefusedException(status, body))))
			.isEqualTo(failure);
	}

	@Test
	void treatsConnectionFailuresAndTimeoutsAsRetryable() {
		assertThat(InfluxHttp.classify(new InfluxDBIOException(new ConnectException("Connection refused"))))
			.isEqualTo(Failure.RETRYABLE);
		assertThat(InfluxHttp.classify(new InfluxDBIOException(new SocketTimeoutException("timeout"))))
			.isEqualTo(Failure.RETRYABLE);
		assertThat(InfluxHttp.classify(new InfluxDBIOException(new IOException("unexpected end of stream"))))
			.isEqualTo(Failure.RETRYABLE);
	}

	@Test
	void fallsBackOnInfluxDbJavasClassificationWithoutAStatus() {
		assertThat(InfluxHttp.classify(InfluxDBException
			.buildExceptionForErrorState("{\"error\":\"partial write: field type conflict: x dropped=1\"}")))
			.isEqualTo(Failure.INVALID);
		assertThat(InfluxHttp
			.classify(InfluxDBException.buildExceptionForErrorState("{\"error\":\"database not found: x\"}")))
			.isEqualTo(Failure.DATABASE_NOT_FOUND);
		assertThat(InfluxHttp
			.classify(InfluxDBException.buildExceptionForErrorState("{\"error\":\"authorization failed\"}")))
			.isEqualTo(Failure.RETRYABLE);
		assertThat(
				InfluxHttp.classify(InfluxDBException.buildExceptionForErrorState("{\"error\":\"engine: timeout\"}")))
			.isEqualTo(Failure.RETRYABLE);
		assertThat(InfluxHttp.classify(new IllegalStateException("anything else"))).isEqualTo(Failure.RETRYABLE);
	}

}
