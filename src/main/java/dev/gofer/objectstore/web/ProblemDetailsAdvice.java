package dev.gofer.objectstore.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import dev.gofer.objectstore.error.GoferException;

/**
 * The one place where failures become HTTP responses: RFC 9457 problem details whose
 * {@code detail} says what was wrong, never how the server is built. Server faults are
 * logged with their cause; client errors only at DEBUG.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

	@ExceptionHandler(GoferException.class)
	@Nullable ResponseEntity<ProblemDetail> handleGofer(GoferException ex, HttpServletRequest request,
			HttpServletResponse response) {
		HttpStatus status = ErrorStatus.of(ex);
		HttpHeaders headers = ErrorStatus.headers(ex, "Bearer");
		return problem(status, ex.detail(), headers, ex, request, response);
	}

	/** The catalog failed under a query or a transaction: it is down or unreachable. */
	@ExceptionHandler({ DataAccessException.class, TransactionException.class })
	@Nullable ResponseEntity<ProblemDetail> handleCatalogFailure(Exception ex, HttpServletRequest request,
			HttpServletResponse response) {
		return problem(HttpStatus.SERVICE_UNAVAILABLE, "The catalog database is unavailable; retry later",
				new HttpHeaders(), ex, request, response);
	}

	/**
	 * Reading the request or writing the response failed: the client went away, or cut
	 * the upload off.
	 */
	@ExceptionHandler(IOException.class)
	@Nullable ResponseEntity<ProblemDetail> handleTransferFailure(IOException ex, HttpServletRequest request,
			HttpServletResponse response) {
		logger.debug("Transfer of {} {} failed", request.getMethod(), request.getRequestURI(), ex);
		return problem(HttpStatus.BAD_REQUEST, "The request body ended early or could not be read; nothing was stored",
				new HttpHeaders(), null, request, response);
	}

	@ExceptionHandler(Exception.class)
	@Nullable ResponseEntity<ProblemDetail> handleUnexpected(Exception ex, HttpServletRequest request,
			HttpServletResponse response) {
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, "An internal error occurred; it has been logged",
				new HttpHeaders(), ex, request, response);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		// The parser's own message names Java types; say what the client can act on
		// instead.
		ProblemDetail body = ProblemDetail.forStatusAndDetail(status,
				"The request body is missing or is not valid JSON");
		return handleExceptionInternal(ex, body, headers, status, request);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail body = ProblemDetail.forStatusAndDetail(status,
				"No endpoint " + ex.getHttpMethod() + " /" + ex.getResourcePath());
		return handleExceptionInternal(ex, body, headers, status, request);
	}

	private static @Nullable ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail,
			HttpHeaders headers, @Nullable Exception cause, HttpServletRequest request, HttpServletResponse response) {
		if (status.is5xxServerError()) {
			logger.error("{} {} failed: {}", request.getMethod(), request.getRequestURI(), detail, cause);
		}
		else {
			logger.debug("{} {} refused with {}: {}", request.getMethod(), request.getRequestURI(), status.value(),
					detail);
		}
		if (response.isCommitted()) {
			// Part of a download is out already; all that is left is to break the
			// connection.
			return null;
		}
		ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
		return ResponseEntity.status(status).headers(headers).body(body);
	}

}
