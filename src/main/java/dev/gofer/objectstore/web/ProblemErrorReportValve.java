package dev.gofer.objectstore.web;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;

import dev.gofer.objectstore.web.ProblemRenderer.Problem;

/**
 * Tomcat's own error page, for requests it rejects before any application code runs (an
 * encoded '/' or a NUL in the path, say): the {@link ProblemRenderer}'s body in place of
 * Tomcat's HTML page, which would also name the server's version. No filter has run, so
 * the request gets its id here, by {@link RequestIdFilter}'s rule (the client's
 * {@code X-Request-Id} when it is safe, else a new one), in the body and the header
 * alike; the body leaves out {@code instance}, since the request line is what could not
 * be parsed.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

	@Override
	protected void report(Request request, Response response, @Nullable Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0) {
			return;
		}
		AtomicBoolean ioAllowed = new AtomicBoolean(true);
		response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
		if (!ioAllowed.get()) {
			return;
		}
		Problem problem = ProblemRenderer.of(status);
		try {
			String requestId = RequestIdFilter.requestId(request, response);
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setCharacterEncoding("UTF-8");
			Writer writer = response.getReporter();
			if (writer != null) {
				writer.write(ProblemRenderer.body(problem, requestId, null));
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException ex) {
			// The client is gone or the response is closed: nothing more to tell it.
		}
	}

}
