package org.lantian.api;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.lantian.alerts.AlertNotFoundException;
import org.lantian.alerts.AlertStateException;
import org.lantian.storage.StorageUnavailableException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.MissingRequestValueException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Maps the API's errors to RFC 7807 problem details (INTERFACES §5): unknown site → 404,
 * bad parameters → 400, wrong scope → 403.
 */
@RestControllerAdvice(basePackageClasses = ApiExceptionHandler.class)
class ApiExceptionHandler {

	private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);

	@ExceptionHandler
	ProblemDetail onProblem(ApiProblemException ex) {
		if (ex.status() == HttpStatus.FORBIDDEN) {
			LOG.warn("Forbidden: {}", ex.getMessage());
		}
		return ProblemDetail.forStatusAndDetail(ex.status(), ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail onAlertNotFound(AlertNotFoundException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail onAlertState(AlertStateException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail onStorageUnavailable(StorageUnavailableException ex) {
		LOG.warn("Query failed: {}", ex.getMessage());
		return ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"stored readings cannot be read right now (the time-series database is unavailable); "
						+ "incoming readings are still accepted and spooled");
	}

	@ExceptionHandler
	ProblemDetail onBadArgument(IllegalArgumentException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail onTypeMismatch(MethodArgumentTypeMismatchException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"parameter '" + ex.getName() + "' has an invalid value: '" + ex.getValue() + "'");
	}

	@ExceptionHandler
	ProblemDetail onMissing(MissingRequestValueException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getBody().getDetail());
	}

}
