package dev.gofer.objectstore.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.gofer.objectstore.error.InvalidInputException;

/**
 * Refuses, with 400, a request whose query string is not validly percent-encoded UTF-8,
 * whatever its path. Tomcat decodes query parameters only when something first asks for
 * one, and then fails with an exception in the middle of the handler (which was a 500),
 * or never, on an endpoint that reads no parameter (which ignored the malformed query).
 * After the request id and the request metrics' filters, so that the refusal is logged
 * and counted as any other.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class QueryStringFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String query = request.getQueryString();
		if (query != null && !QueryParameters.isWellFormed(query)) {
			ProblemRenderer.send(new InvalidInputException(
					"The query string is not validly percent-encoded: each '%' must start a %XX escape of UTF-8"),
					request, response);
			return;
		}
		chain.doFilter(request, response);
	}

}
