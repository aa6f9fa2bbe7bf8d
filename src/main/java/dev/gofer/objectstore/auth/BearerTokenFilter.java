package dev.gofer.objectstore.auth;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.gofer.objectstore.error.UnauthenticatedException;
import dev.gofer.objectstore.web.ProblemRenderer;

/**
 * Checks the bearer token of every {@code /api/**} request before anything else happens,
 * so that an unauthenticated upload is refused before its body is read. Which token may
 * do what is the {@link AuthorizationInterceptor}'s job.
 */
class BearerTokenFilter extends OncePerRequestFilter {

	private static final Logger logger = LoggerFactory.getLogger(BearerTokenFilter.class);

	private static final String BEARER = "Bearer ";

	private final TokenService tokens;

	BearerTokenFilter(TokenService tokens) {
		this.tokens = tokens;
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
			ProblemRenderer.send(ex, request, response);
			return;
		}
		catch (DataAccessException ex) {
			// The catalog cannot say whose token it is: 503, logged with its cause.
			ProblemRenderer.send(ex, request, response);
			return;
		}
		chain.doFilter(request, response);
	}

}
