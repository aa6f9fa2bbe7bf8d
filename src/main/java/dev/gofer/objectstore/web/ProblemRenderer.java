package dev.gofer.objectstore.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.TransactionException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import dev.gofer.objectstore.error.GoferException;

/**
 * The one place where failures become the Gofer API's HTTP responses, whoever meets them:
 * a controller ({@link ProblemDetailsAdvice}), a filter (the bearer token's, the query
 * string's), the error page ({@link ProblemErrorController}) or Tomcat itself
 * ({@link ProblemErrorReportValve}). The status comes from {@link ErrorStatus}; the body
 * is an RFC 9457 problem whose {@code detail} says what was wrong, never how the server
 * is built, with Gofer's own error fields beside it: {@code message} (the same text) and
 * {@code request_id} (the request's {@code X-Request-Id}), so that clients decoding
 * Gofer's {@code Error} can read it. Server faults are logged with their cause at ERROR;
 * client errors at DEBUG only.
 */
public final class ProblemRenderer {

	private static final Logger logger = LoggerFactory.getLogger(ProblemRenderer.class);

	private static final String INTERNAL = "An internal error occurred; it has been logged";

	private static final String CATALOG_DOWN = "The catalog database is unavailable; retry later";

	/**
	 * Strings and a number only: no configuration of the application's mapper matters.
	 */
	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ProblemRenderer() {
	}

	/** A failure as the client is told of it. */
	public record Problem(HttpStatusCode status, String detail, HttpHeaders headers) {

		/** The status's reason phrase. */
		public String title() {
			HttpStatus known = HttpStatus.resolve(this.status.value());
			return known != null ? known.getReasonPhrase() : "Error";
		}

	}

	/** What a client is told of an exception. */
	public static Problem of(Throwable ex) {
		HttpStatusCode status = ErrorStatus.of(ex);
		return new Problem(status, detail(ex, status), ErrorStatus.headers(ex, "Bearer"));
	}

	/**
	 * What a client is told of a status that the servlet container set with no exception
	 * to say more, such as its 400 for a path with an encoded '/'.
	 */
	public static Problem of(int code) {
		HttpStatusCode status = HttpStatusCode.valueOf(code);
		String detail = switch (HttpStatus.resolve(code)) {
			case BAD_REQUEST -> "The request could not be parsed: check the path (no encoded '/', '\\' or NUL), "
					+ "the query string, the headers and the body";
			case NOT_FOUND -> "No such endpoint";
			case METHOD_NOT_ALLOWED -> "The endpoint does not support this method";
			case CONTENT_TOO_LARGE -> "The request is too large";
			case REQUEST_HEADER_FIELDS_TOO_LARGE, URI_TOO_LONG -> "The request line or headers are too long";
			case null, default -> otherwise(status);
		};
		return new Problem(status, detail, new HttpHeaders());
	}

	/** Logs the failure and answers the request with its problem. */
	public static void send(Throwable ex, HttpServletRequest request, HttpServletResponse response) {
		Problem problem = of(ex);
		log(problem, ex, request);
		send(problem, request, response);
	}

	/**
	 * Answers the request with the problem, unless part of the answer is out already:
	 * then all that is left is to break the connection, which the container does.
	 */
	public static void send(Problem problem, HttpServletRequest request, HttpServletResponse response) {
		if (response.isCommitted()) {
			return;
		}
		try {
			response.resetBuffer();
			response.setStatus(problem.status().value());
			problem.headers().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
			String requestId = RequestIdFilter.requestId(request, response);
			byte[] body = body(problem, requestId, instance(request)).getBytes(StandardCharsets.UTF_8);
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setContentLength(body.length);
			response.getOutputStream().write(body);
		}
		catch (IOException | IllegalStateException ex) {
			// The client is gone, or the response is closed: nothing more to tell it.
			logger.debug("Could not send the problem answer of {} {}", request.getMethod(), request.getRequestURI(),
					ex);
		}
	}

	/**
	 * The problem's JSON body.
	 * @param requestId the request's id ({@link RequestIdFilter#requestId})
	 * @param instance the request's path, or null where it is not worth repeating (a
	 * request line the server could not parse)
	 */
	static String body(Problem problem, String requestId, @Nullable String instance) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", "about:blank");
		body.put("title", problem.title());
		body.put("status", problem.status().value());
		body.put("detail", problem.detail());
		if (instance != null) {
			body.put("instance", instance);
		}
		body.put("message", problem.detail());
		body.put("request_id", requestId);
		return JSON.writeValueAsString(body);
	}

	private static void log(Problem problem, Throwable ex, HttpServletRequest request) {
		if (problem.status().is5xxServerError()) {
			logger.error("{} {} failed: {}", request.getMethod(), request.getRequestURI(), problem.detail(), ex);
		}
		else {
			logger.debug("{} {} refused with {}: {}", request.getMethod(), request.getRequestURI(),
					problem.status().value(), problem.detail(), ex);
		}
	}

	/** The path the client asked for, also on the error page's dispatch. */
	private static String instance(HttpServletRequest request) {
		return request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri ? uri
				: request.getRequestURI();
	}

	private static String detail(Throwable ex, HttpStatusCode status) {
		return switch (ex) {
			case GoferException gofer -> gofer.detail();
			// The parser's own message names Java types; say what the client can act on.
			case HttpMessageNotReadableException e -> "The request body is missing or is not valid JSON";
			case InvalidParameterException e ->
				"The query parameters could not be read: check their percent-encoding and their number";
			case IOException e -> "The request body ended early or could not be read; nothing was stored";
			case NoResourceFoundException e -> "No endpoint " + e.getHttpMethod() + " /" + e.getResourcePath();
			case MethodArgumentTypeMismatchException e -> "Parameter '" + e.getName() + "' has an invalid value";
			case TypeMismatchException e -> "A parameter has an invalid value";
			case DataAccessException e -> CATALOG_DOWN;
			case TransactionException e -> CATALOG_DOWN;
			case ErrorResponse e -> {
				String detail = e.getBody().getDetail();
				yield detail != null ? detail : otherwise(status);
			}
			default -> otherwise(status);
		};
	}

	private static String otherwise(HttpStatusCode status) {
		if (status.is5xxServerError()) {
			return INTERNAL;
		}
		HttpStatus known = HttpStatus.resolve(status.value());
		return "The request was refused: " + (known != null ? known.getReasonPhrase() : status.value());
	}

}
