package dev.gofer.objectstore.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors that never reach a controller, such as those the servlet container raises
 * itself: answered as problem details too, in place of Spring Boot's default error body.
 */
@RestController
@Hidden
class ProblemErrorController implements ErrorController {

	@RequestMapping("${server.error.path:/error}")
	ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
		if (status == null) {
			status = HttpStatus.INTERNAL_SERVER_ERROR;
		}
		return ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(ProblemDetail.forStatusAndDetail(status, detail(status)));
	}

	private static String detail(HttpStatus status) {
		return switch (status) {
			case BAD_REQUEST -> "The request could not be parsed: check the path (no encoded '/', '\\' or NUL), "
					+ "the headers and the body";
			case NOT_FOUND -> "No such endpoint";
			case METHOD_NOT_ALLOWED -> "The endpoint does not support this method";
			case CONTENT_TOO_LARGE -> "The request is too large";
			case REQUEST_HEADER_FIELDS_TOO_LARGE, URI_TOO_LONG -> "The request line or headers are too long";
			default -> status.is5xxServerError() ? "An internal error occurred; it has been logged"
					: "The request was refused: " + status.getReasonPhrase();
		};
	}

}
