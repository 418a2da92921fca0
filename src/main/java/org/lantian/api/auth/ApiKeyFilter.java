package org.lantian.api.auth;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Establishes the {@link ApiCaller} of every {@code /api/v1} request from its key
 * ({@code Authorization: Bearer} or {@code X-API-Key}); answers 401 without one. What the
 * caller may do is checked by the controllers (403).
 */
class ApiKeyFilter extends OncePerRequestFilter {

	private static final Logger LOG = LoggerFactory.getLogger(ApiKeyFilter.class);

	private final ApiKeys keys;

	private final Counter rejected;

	ApiKeyFilter(ApiKeys keys, MeterRegistry registry) {
		this.keys = keys;
		this.rejected = Counter.builder("lantian.api.unauthenticated")
			.description("API requests refused for a missing or unknown key (401)")
			.register(registry);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Optional<ApiCaller> caller = this.keys.find(presentedKey(request));
		if (caller.isEmpty()) {
			this.rejected.increment();
			LOG.warn("Refused {} {} from {}: missing or unknown API key", request.getMethod(), request.getRequestURI(),
					request.getRemoteAddr());
			response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"lantian\"");
			response.setContentType("application/problem+json");
			response.setCharacterEncoding("UTF-8");
			response.getWriter()
				.write("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
						+ "\"detail\":\"A valid API key is required: 'Authorization: Bearer <key>' or 'X-API-Key: <key>'.\","
						+ "\"instance\":\"" + request.getRequestURI().replace("\"", "") + "\"}");
			return;
		}
		request.setAttribute(ApiCaller.ATTRIBUTE, caller.get());
		chain.doFilter(request, response);
	}

	private static @Nullable String presentedKey(HttpServletRequest request) {
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return authorization.substring(7).trim();
		}
		String header = request.getHeader("X-API-Key");
		return (header != null) ? header.trim() : null;
	}

}
