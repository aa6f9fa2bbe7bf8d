package dev.gofer.objectstore.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Every exception out of a controller, Gofer's own failures and Spring MVC's alike (an
 * unknown route, an unreadable body, a method the endpoint lacks), answered by
 * {@link ProblemRenderer}. Last of all advices: a protocol that answers in its clients'
 * own error format does so in an advice of its own, scoped to its controllers, taking the
 * status from {@link ErrorStatus}.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ProblemDetailsAdvice {

	@ExceptionHandler(Exception.class)
	void handle(Exception ex, HttpServletRequest request, HttpServletResponse response) {
		ProblemRenderer.send(ex, request, response);
	}

}
