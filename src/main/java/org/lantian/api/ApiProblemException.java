package org.lantian.api;

import org.springframework.http.HttpStatus;

/**
 * A request the API refuses, with the status and a detail a client can act on.
 */
class ApiProblemException extends RuntimeException {

	private final HttpStatus status;

	ApiProblemException(HttpStatus status, String detail) {
		super(detail);
		this.status = status;
	}

	HttpStatus status() {
		return this.status;
	}

	static ApiProblemException notFound(String detail) {
		return new ApiProblemException(HttpStatus.NOT_FOUND, detail);
	}

	static ApiProblemException badRequest(String detail) {
		return new ApiProblemException(HttpStatus.BAD_REQUEST, detail);
	}

	static ApiProblemException forbidden(String detail) {
		return new ApiProblemException(HttpStatus.FORBIDDEN, detail);
	}

}
