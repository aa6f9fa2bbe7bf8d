package dev.gofer.objectstore.web;

import java.io.EOFException;
import java.util.List;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import dev.gofer.objectstore.error.RangeNotSatisfiableException;
import dev.gofer.objectstore.error.UnauthenticatedException;
import dev.gofer.objectstore.web.ProblemRenderer.Problem;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a client is told of each kind of failure: Gofer's own with their status and
 * headers from {@link ErrorStatus} and their detail, and those from below with a status
 * of their own and a detail that names nothing of the server's insides.
 */
class ProblemRendererTests {

	@Test
	void gofersOwnFailuresKeepTheirDetailAndHeaders() {
		Problem range = ProblemRenderer.of(new RangeNotSatisfiableException("Range 'bytes=9-' is past the end", 5));
		assertThat(range.status().value()).isEqualTo(416);
		assertThat(range.detail()).isEqualTo("Range 'bytes=9-' is past the end");
		assertThat(range.headers().getFirst(HttpHeaders.CONTENT_RANGE)).isEqualTo("bytes */5");
		Problem unauthenticated = ProblemRenderer.of(new UnauthenticatedException("no token"));
		assertThat(unauthenticated.status().value()).isEqualTo(401);
		assertThat(unauthenticated.headers().getFirst(HttpHeaders.WWW_AUTHENTICATE)).isEqualTo("Bearer");
	}

	@Test
	void theCatalogDownIs503() {
		for (Exception ex : List.of(new DataAccessResourceFailureException("Connection refused: db.internal:5432"),
				new CannotCreateTransactionException("pool exhausted"))) {
			Problem problem = ProblemRenderer.of(ex);
			assertThat(problem.status().value()).isEqualTo(503);
			assertThat(problem.detail()).isEqualTo("The catalog database is unavailable; retry later");
		}
	}

	@Test
	void whatTheFrameworkCouldNotReadIs400() {
		assertThat(
				ProblemRenderer.of(new HttpMessageNotReadableException("Cannot deserialize dev.gofer.X", null, null)))
			.extracting(problem -> problem.status().value(), Problem::detail)
			.containsExactly(400, "The request body is missing or is not valid JSON");
		assertThat(ProblemRenderer.of(new InvalidParameterException("Character decoding failed")).status().value())
			.isEqualTo(400);
		assertThat(ProblemRenderer.of(new EOFException("/data/objects/tmp/1")).detail()).doesNotContain("/data");
	}

	@Test
	void springsOwnErrorsKeepTheirStatusAndHeaders() {
		Problem unknown = ProblemRenderer
			.of(new NoResourceFoundException(HttpMethod.GET, "/api/nothing", "api/nothing"));
		assertThat(unknown.status().value()).isEqualTo(404);
		assertThat(unknown.detail()).isEqualTo("No endpoint GET /api/nothing");
		Problem method = ProblemRenderer.of(new HttpRequestMethodNotSupportedException("PATCH", List.of("GET", "PUT")));
		assertThat(method.status().value()).isEqualTo(405);
		assertThat(method.headers().getAllow()).containsExactlyInAnyOrder(HttpMethod.GET, HttpMethod.PUT);
	}

	@Test
	void anythingElseIs500AndSaysNothingOfItsCause() {
		Problem problem = ProblemRenderer
			.of(new IllegalStateException("SELECT * FROM objects failed in /tmp/gofer.db"));
		assertThat(problem.status().value()).isEqualTo(500);
		assertThat(problem.detail()).isEqualTo("An internal error occurred; it has been logged");
	}

	@Test
	void statusesTheContainerSetAreDescribed() {
		assertThat(ProblemRenderer.of(400).detail()).contains("could not be parsed");
		assertThat(ProblemRenderer.of(404).detail()).isEqualTo("No such endpoint");
		assertThat(ProblemRenderer.of(431).detail()).contains("too long");
		assertThat(ProblemRenderer.of(418).detail()).isEqualTo("The request was refused: I'm a teapot");
		assertThat(ProblemRenderer.of(599).title()).isEqualTo("Error");
	}

	@Test
	void theBodyCarriesGofersErrorFieldsBesideTheProblem() {
		String body = ProblemRenderer.body(ProblemRenderer.of(404), "req-1", "/api/x");
		assertThat(body).isEqualTo("{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,"
				+ "\"detail\":\"No such endpoint\",\"instance\":\"/api/x\",\"message\":\"No such endpoint\","
				+ "\"request_id\":\"req-1\"}");
		assertThat(ProblemRenderer.body(ProblemRenderer.of(400), "req-2", null)).doesNotContain("instance");
	}

}
