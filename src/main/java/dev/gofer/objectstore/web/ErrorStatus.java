package dev.gofer.objectstore.web;

import java.io.IOException;

import org.apache.tomcat.util.http.InvalidParameterException;

import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.TransactionException;
import org.springframework.web.ErrorResponse;

import dev.gofer.objectstore.error.AlreadyExistsException;
import dev.gofer.objectstore.error.ForbiddenException;
import dev.gofer.objectstore.error.GoferException;
import dev.gofer.objectstore.error.InvalidInputException;
import dev.gofer.objectstore.error.NotFoundException;
import dev.gofer.objectstore.error.PreconditionFailedException;
import dev.gofer.objectstore.error.RangeNotSatisfiableException;
import dev.gofer.objectstore.error.RunExpiredException;
import dev.gofer.objectstore.error.TooLargeException;
import dev.gofer.objectstore.error.UnauthenticatedException;
import dev.gofer.objectstore.error.UnavailableException;

/**
 * The HTTP status and headers of each failure a client can be told about, for every
 * protocol: each protocol renders the body its clients expect, but the status is decided
 * here. The switch is exhaustive over the sealed hierarchy, so a new failure cannot
 * compile without one. {@link #of(Throwable)} adds the failures that are not Gofer's own:
 * the catalog unreachable, a request the framework could not read, Spring MVC's own
 * errors, and the unexpected.
 */
public final class ErrorStatus {

	private ErrorStatus() {
	}

	public static HttpStatus of(GoferException ex) {
		return switch (ex) {
			case InvalidInputException e -> HttpStatus.BAD_REQUEST;
			case NotFoundException e -> HttpStatus.NOT_FOUND;
			case AlreadyExistsException e -> HttpStatus.CONFLICT;
			case RunExpiredException e -> HttpStatus.GONE;
			case PreconditionFailedException e -> HttpStatus.PRECONDITION_FAILED;
			case TooLargeException e -> HttpStatus.CONTENT_TOO_LARGE;
			case RangeNotSatisfiableException e -> HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE;
			case UnavailableException e -> HttpStatus.SERVICE_UNAVAILABLE;
			case UnauthenticatedException e -> HttpStatus.UNAUTHORIZED;
			case ForbiddenException e -> HttpStatus.FORBIDDEN;
		};
	}

	/**
	 * The status of any failure: a {@link GoferException}'s as above; 503 when the
	 * catalog failed under a query or a transaction (it is down or unreachable); 400 for
	 * a request that could not be read (a body that is not what the endpoint parses,
	 * query parameters that are not validly percent-encoded, a transfer cut off, a
	 * parameter of the wrong type); Spring MVC's own status for its errors (404 for an
	 * unknown route, 405, 415, …); 500 for anything else.
	 */
	public static HttpStatusCode of(Throwable ex) {
		return switch (ex) {
			case GoferException gofer -> of(gofer);
			case DataAccessException e -> HttpStatus.SERVICE_UNAVAILABLE;
			case TransactionException e -> HttpStatus.SERVICE_UNAVAILABLE;
			case HttpMessageNotReadableException e -> HttpStatus.BAD_REQUEST;
			case InvalidParameterException e -> HttpStatus.BAD_REQUEST;
			case IOException e -> HttpStatus.BAD_REQUEST;
			case TypeMismatchException e -> HttpStatus.BAD_REQUEST;
			case ErrorResponse e -> e.getStatusCode();
			default -> HttpStatus.INTERNAL_SERVER_ERROR;
		};
	}

	/**
	 * The headers that go with the status of any failure: a {@link GoferException}'s as
	 * below, and those Spring MVC gives its own errors (such as {@code Allow} with a
	 * 405).
	 * @param challenge the {@code WWW-Authenticate} challenge of the protocol, for a 401
	 */
	public static HttpHeaders headers(Throwable ex, String challenge) {
		return switch (ex) {
			case GoferException gofer -> headers(gofer, challenge);
			case ErrorResponse e -> HttpHeaders.copyOf(e.getHeaders());
			default -> new HttpHeaders();
		};
	}

	/**
	 * The headers that go with the status.
	 * @param challenge the {@code WWW-Authenticate} challenge of the protocol, for a 401
	 */
	public static HttpHeaders headers(GoferException ex, String challenge) {
		HttpHeaders headers = new HttpHeaders();
		if (ex instanceof RangeNotSatisfiableException range) {
			headers.set(HttpHeaders.CONTENT_RANGE, "bytes */" + range.size());
		}
		if (ex instanceof UnauthenticatedException) {
			headers.set(HttpHeaders.WWW_AUTHENTICATE, challenge);
		}
		if (ex instanceof TooLargeException) {
			// The rest of the body is not worth reading: let the client stop sending it.
			headers.setConnection("close");
		}
		return headers;
	}

}
