package dev.gofer.objectstore.web;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The request id: taken from a safe header or generated, in the MDC while the request
 * runs, echoed.
 */
class RequestIdFilterTests {

	private final RequestIdFilter filter = new RequestIdFilter();

	@Test
	void keepsASafeIdFromTheCaller() throws Exception {
		Handled handled = handle("build-42.step_3:retry-1");
		assertThat(handled.idInMdc()).isEqualTo("build-42.step_3:retry-1");
		assertThat(handled.response().getHeader("X-Request-Id")).isEqualTo("build-42.step_3:retry-1");
	}

	@Test
	void replacesAnUnsafeOrOverlongId() throws Exception {
		for (String unsafe : new String[] { "", "two words", "quote\"d", "line\nbreak", "x".repeat(65), "{json:1}" }) {
			Handled handled = handle(unsafe);
			assertThat(handled.idInMdc()).as(unsafe).isNotEqualTo(unsafe).matches("[0-9a-f-]{36}");
			assertThat(handled.response().getHeader("X-Request-Id")).isEqualTo(handled.idInMdc());
		}
	}

	@Test
	void generatesAnIdWhenNoneIsGiven() throws Exception {
		Handled first = handle(null);
		Handled second = handle(null);
		assertThat(first.idInMdc()).matches("[0-9a-f-]{36}").isNotEqualTo(second.idInMdc());
		// A well-formed random (version 4, IETF variant) UUID, as log tools parse them.
		UUID uuid = UUID.fromString(first.idInMdc());
		assertThat(uuid.version()).isEqualTo(4);
		assertThat(uuid.variant()).isEqualTo(2);
		assertThat(first.response().getHeader("X-Request-Id")).isEqualTo(first.idInMdc());
	}

	@Test
	void leavesNoIdInTheMdcAfterTheRequest() throws Exception {
		handle("abc");
		assertThat(MDC.get("request_id")).isNull();
	}

	private record Handled(String idInMdc, MockHttpServletResponse response) {

	}

	private Handled handle(String header) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/tokens");
		if (header != null) {
			request.addHeader("X-Request-Id", header);
		}
		MockHttpServletResponse response = new MockHttpServletResponse();
		List<String> seen = new ArrayList<>();
		this.filter.doFilter(request, response, new MockFilterChain() {

			@Override
			public void doFilter(jakarta.servlet.ServletRequest req, jakarta.servlet.ServletResponse res) {
				seen.add(MDC.get("request_id"));
			}

		});
		return new Handled(seen.getFirst(), response);
	}

}
