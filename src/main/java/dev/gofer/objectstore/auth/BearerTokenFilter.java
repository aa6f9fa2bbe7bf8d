package dev.gofer.objectstore.auth;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.gofer.objectstore.error.UnauthenticatedException;

/**
 * Checks the bearer token of every {@code /api/**} request before anything else happens,
 * so that an unauthenticated upload is refused before its body is read. Which token may
 * do what is the {@link AuthorizationInterceptor}'s job.
 */
class BearerTokenFilter extends OncePerRequestFilter {

	private static final Logger logger = LoggerFactory.getLogger(BearerTokenFilter.class);

	private static final String BEARER = "Bearer ";

	private final TokenService tokens;

	private final JsonMapper json;

	BearerTokenFilter(TokenService tokens, JsonMapper json) {
		this.tokens = tokens;
		this.json = json;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		try {
			if (header == null || header.isBlank()) {
				throw new UnauthenticatedException("This endpoint needs an 'Authorization: Bearer <token>' header");
			}
			if (header.length() <= BEARER.length() || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
				throw new UnauthenticatedException("The Authorization header must be 'Bearer <token>'");
			}
			Caller caller = this.tokens.authenticate(header.substring(BEARER.length()).trim());
			request.setAttribute(Caller.ATTRIBUTE, caller);
		}
		catch (UnauthenticatedException ex) {
			// Never log the header: it may be a real secret sent to the wrong place.
			logger.info("Refused {} {} from {}: {}", request.getMethod(), request.getRequestURI(),
					request.getRemoteAddr(), ex.detail());
			problem(request, response, HttpStatus.UNAUTHORIZED, ex.detail());
			return;
		}
		catch (DataAccessException ex) {
			logger.error("Cannot check the token of {} {}: the catalog is unavailable", request.getMethod(),
					request.getRequestURI(), ex);
			problem(request, response, HttpStatus.SERVICE_UNAVAILABLE,
					"The catalog database is unavailable; retry later");
			return;
		}
		chain.doFilter(request, response);
	}

	private void problem(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
			throws IOException {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "about:blank");
		problem.put("title", status.getReasonPhrase());
		problem.put("status", status.value());
		problem.put("detail", detail);
		problem.put("instance", request.getRequestURI());
		response.setStatus(status.value());
		if (status == HttpStatus.UNAUTHORIZED) {
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
		}
		response.setContentType("application/problem+json");
		this.json.writeValue(response.getOutputStream(), problem);
	}

}
