package dev.gofer.objectstore.web;

import java.io.IOException;

import jakarta.servlet.ServletException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;
import org.apache.coyote.http11.AbstractHttp11Protocol;

/**
 * After an error answer to a request whose body has more left unread than Tomcat would
 * swallow (413 for a huge upload, 401 before one), closes the connection at once. Tomcat
 * would first try to read up to its swallow limit of the body, holding the connection
 * until its read timeout when the client sends nothing more. Smaller bodies are still
 * swallowed, so that the client reads the answer rather than a connection reset.
 */
class UnreadBodyValve extends ValveBase {

	UnreadBodyValve() {
		super(true);
	}

	@Override
	public void invoke(Request request, Response response) throws IOException, ServletException {
		getNext().invoke(request, response);
		long unread = request.getContentLengthLong() - request.getCoyoteRequest().getBytesRead();
		if (response.getStatus() >= 400 && unread > swallowLimit(request)) {
			// Finish the answer first: once swallowing is off, the connection counts as
			// closing.
			response.finishResponse();
			request.getCoyoteRequest().action(ActionCode.DISABLE_SWALLOW_INPUT, null);
		}
	}

	private static long swallowLimit(Request request) {
		return request.getConnector().getProtocolHandler() instanceof AbstractHttp11Protocol<?> http
				? http.getMaxSwallowSize() : 2 * 1024 * 1024;
	}

}
