package dev.gofer.objectstore.auth;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import dev.gofer.objectstore.error.UnauthenticatedException;

/**
 * Authenticates the requests of the cache protocols ({@code /cache/**}), with a bearer
 * token or with Basic and the token as password ({@link Credentials}). Unlike
 * {@code /api}'s filter it runs once the handler is chosen, so that an unknown path is a
 * 404 whatever the credentials, and a refusal is answered in the protocol's own terms (a
 * Basic challenge, a plain body) and counted in its metrics; it still runs before the
 * handler, so nothing of a refused upload is read.
 */
class CacheCredentialsInterceptor implements HandlerInterceptor {

	private static final Logger logger = LoggerFactory.getLogger(CacheCredentialsInterceptor.class);

	private final TokenService tokens;

	CacheCredentialsInterceptor(TokenService tokens) {
		this.tokens = tokens;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (!(handler instanceof HandlerMethod)) {
			return true;
		}
		try {
			String token = Credentials.token(request.getHeader(HttpHeaders.AUTHORIZATION));
			request.setAttribute(Caller.ATTRIBUTE, this.tokens.authenticate(token));
			return true;
		}
		catch (UnauthenticatedException ex) {
			// Never log the header: it may be a real secret sent to the wrong place.
			logger.info("Refused {} {} from {}: {}", request.getMethod(), request.getRequestURI(),
					request.getRemoteAddr(), ex.detail());
			throw ex;
		}
	}

}
