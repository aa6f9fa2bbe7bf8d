package dev.gofer.objectstore.web;

import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id: the caller's {@code X-Request-Id} when it is a safe token,
 * else a new one. The id is in the MDC as {@value #MDC_KEY} for each log line written
 * while the request is handled (so JSON logs carry it as a field) and is echoed in the
 * response, so a client can quote it in a bug report. First of all filters, so that even
 * a refused token's log line has it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestIdFilter extends OncePerRequestFilter {

	static final String HEADER = "X-Request-Id";

	static final String MDC_KEY = "request_id";

	// Short and free of spaces, quotes and control characters: it lands in logs and
	// headers as is.
	private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

	private static final String ATTRIBUTE = RequestIdFilter.class.getName() + ".id";

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String id = request.getAttribute(ATTRIBUTE) instanceof String known ? known
				: accepted(request.getHeader(HEADER));
		request.setAttribute(ATTRIBUTE, id);
		response.setHeader(HEADER, id);
		MDC.put(MDC_KEY, id);
		try {
			chain.doFilter(request, response);
		}
		finally {
			MDC.remove(MDC_KEY);
		}
	}

	// Error pages are dispatched after the first pass has cleared the MDC: keep the id
	// there too.
	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	/**
	 * The request's id: the one this filter gave it, or, for a request that never passed
	 * the filters (one Tomcat rejected itself), one given now by the same rule and echoed
	 * in the response's header, so that a problem body and its header always agree.
	 */
	static String requestId(HttpServletRequest request, HttpServletResponse response) {
		if (request.getAttribute(ATTRIBUTE) instanceof String id) {
			return id;
		}
		String id = accepted(request.getHeader(HEADER));
		request.setAttribute(ATTRIBUTE, id);
		if (!response.isCommitted()) {
			response.setHeader(HEADER, id);
		}
		return id;
	}

	static String accepted(@Nullable String header) {
		if (header != null && SAFE.matcher(header).matches()) {
			return header;
		}
		// Random enough to tell requests apart, without UUID.randomUUID()'s SecureRandom,
		// which
		// serializes every request on one lock and reads the kernel's entropy.
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return new UUID(random.nextLong() & ~0xF000L | 0x4000L,
				random.nextLong() & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L)
			.toString();
	}

}
