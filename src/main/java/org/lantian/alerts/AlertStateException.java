package org.lantian.alerts;

/**
 * A change an alert's status does not allow, e.g. acknowledging a resolved alert.
 */
public class AlertStateException extends RuntimeException {

	public AlertStateException(String message) {
		super(message);
	}

}
