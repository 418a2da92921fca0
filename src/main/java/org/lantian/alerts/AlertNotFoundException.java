package org.lantian.alerts;

/**
 * No alert has the id asked for.
 */
public class AlertNotFoundException extends RuntimeException {

	public AlertNotFoundException(String id) {
		super("no alert '" + id + "'");
	}

}
