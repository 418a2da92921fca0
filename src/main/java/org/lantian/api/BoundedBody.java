package org.lantian.api;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;

/**
 * Reads a request body only up to a limit: a larger one is refused with 413 before it
 * fills the heap.
 */
final class BoundedBody {

	private BoundedBody() {
	}

	/**
	 * The body, at most {@code maxBytes} long.
	 * @param hint what the caller should do instead, for the problem's detail
	 * @throws ApiProblemException 413 when the body is longer
	 */
	static byte[] read(HttpServletRequest request, int maxBytes, String hint) throws IOException {
		if (request.getContentLengthLong() > maxBytes) {
			throw tooLarge(maxBytes, hint);
		}
		byte[] body = request.getInputStream().readNBytes(maxBytes + 1);
		if (body.length > maxBytes) {
			throw tooLarge(maxBytes, hint);
		}
		return body;
	}

	private static ApiProblemException tooLarge(int maxBytes, String hint) {
		String size = (maxBytes >= (1 << 20)) ? (maxBytes >> 20) + " MiB" : (maxBytes >> 10) + " KiB";
		return new ApiProblemException(HttpStatus.PAYLOAD_TOO_LARGE,
				"the request body is larger than " + size + "; " + hint);
	}

}
