package dev.gofer.objectstore.cache;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.transaction.TransactionException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.HandlerMethod;

import dev.gofer.objectstore.error.GoferException;
import dev.gofer.objectstore.web.ErrorStatus;

/**
 * How the cache protocols' controllers answer failures: the status of
 * {@link ErrorStatus}, a short plain-text body (build tools print it, none parses it),
 * {@code WWW-Authenticate: Basic realm="gofer"} on 401 so that tools that send
 * credentials only when challenged send them, and the request counted as {@code rejected}
 * for its protocol. Server faults are logged with their cause, refusals at DEBUG.
 */
@RestControllerAdvice(annotations = CacheProtocol.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class CacheErrorAdvice {

	/** The challenge of every cache protocol. */
	static final String CHALLENGE = "Basic realm=\"gofer\"";

	private static final Logger logger = LoggerFactory.getLogger(CacheErrorAdvice.class);

	private final CacheMetrics metrics;

	CacheErrorAdvice(CacheMetrics metrics) {
		this.metrics = metrics;
	}

	@ExceptionHandler(GoferException.class)
	void handleGofer(GoferException ex, HandlerMethod handler, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		answer(ErrorStatus.of(ex), ErrorStatus.headers(ex, CHALLENGE), ex.detail(), null, handler, request, response);
	}

	@ExceptionHandler({ DataAccessException.class, TransactionException.class })
	void handleCatalogFailure(Exception ex, HandlerMethod handler, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		answer(HttpStatus.SERVICE_UNAVAILABLE, new HttpHeaders(), "The catalog database is unavailable; retry later",
				ex, handler, request, response);
	}

	/** The client cut the upload off, or went away during a download. */
	@ExceptionHandler(IOException.class)
	void handleTransferFailure(IOException ex, HandlerMethod handler, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		logger.debug("Transfer of {} {} failed", request.getMethod(), request.getRequestURI(), ex);
		answer(HttpStatus.BAD_REQUEST, new HttpHeaders(),
				"The request body ended early or could not be read; nothing was stored", null, handler, request,
				response);
	}

	@ExceptionHandler(Exception.class)
	void handleOther(Exception ex, HandlerMethod handler, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		if (ex instanceof ErrorResponse spring) {
			// Spring MVC's own refusals (a missing header, an unreadable parameter).
			HttpStatusCode status = spring.getStatusCode();
			String detail = spring.getBody().getDetail();
			answer(status, spring.getHeaders(), detail != null ? detail : "The request was refused", null, handler,
					request, response);
			return;
		}
		answer(HttpStatus.INTERNAL_SERVER_ERROR, new HttpHeaders(), "An internal error occurred; it has been logged",
				ex, handler, request, response);
	}

	private void answer(HttpStatusCode status, HttpHeaders headers, String detail, @Nullable Exception cause,
			HandlerMethod handler, HttpServletRequest request, HttpServletResponse response) throws IOException {
		if (status.is5xxServerError()) {
			logger.error("{} {} failed: {}", request.getMethod(), request.getRequestURI(), detail, cause);
		}
		else {
			logger.debug("{} {} refused with {}: {}", request.getMethod(), request.getRequestURI(), status.value(),
					detail);
		}
		CacheProtocol protocol = handler.getBeanType().getAnnotation(CacheProtocol.class);
		if (protocol != null) {
			this.metrics.count(protocol.value(), CacheMetrics.Outcome.REJECTED);
		}
		if (response.isCommitted()) {
			// Part of a download is out already; all that is left is to break the
			// connection.
			return;
		}
		response.setStatus(status.value());
		headers.forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
		byte[] body = (detail + "\n").getBytes(StandardCharsets.UTF_8);
		response.setContentType("text/plain;charset=UTF-8");
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

}
