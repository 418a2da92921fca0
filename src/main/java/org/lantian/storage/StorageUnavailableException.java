package org.lantian.storage;

/**
 * Stored readings cannot be read right now: the time-series database is unreachable or
 * failed the query.
 */
public class StorageUnavailableException extends RuntimeException {

	public StorageUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
