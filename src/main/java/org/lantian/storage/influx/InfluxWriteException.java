package org.lantian.storage.influx;

/**
 * A {@code /write} that InfluxDB did not acknowledge, classified by what the writer
 * should do about it.
 */
final class InfluxWriteException extends Exception {

	private static final long serialVersionUID = 1L;

	private final Failure failure;

	InfluxWriteException(Failure failure, String message, Throwable cause) {
		super(message, cause);
		this.failure = failure;
	}

	Failure failure() {
		return this.failure;
	}

	/**
	 * What went wrong with a write.
	 */
	enum Failure {

		/**
		 * InfluxDB could not be reached or could not take the write now (I/O error,
		 * timeout, 5xx, authorisation): the same points may succeed later, so they are
		 * spooled.
		 */
		RETRYABLE,

		/**
		 * InfluxDB refused points of the batch as invalid (400: unable to parse, field
		 * type conflict, points beyond the retention policy; 413: too large): writing
		 * them again cannot help.
		 */
		INVALID,

		/** The database does not exist (404): create it and write again. */
		DATABASE_NOT_FOUND

	}

}
