package dev.gofer.objectstore.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

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
 * compile without one.
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
