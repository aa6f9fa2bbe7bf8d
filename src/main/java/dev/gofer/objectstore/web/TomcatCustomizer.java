package dev.gofer.objectstore.web;

import org.apache.catalina.core.StandardHost;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Installs {@link ProblemErrorReportValve} as the host's error report valve, and
 * {@link UnreadBodyValve} in front of the application; reads and writes sockets
 * {@code gofer.server.socket-buffer} bytes at a time; and answers {@code Expect:
 * 100-continue} only when the body is read.
 */
@Component
class TomcatCustomizer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

	/**
	 * The largest read from, or write to, a connection's socket. Tomcat's default of 8
	 * KiB made a 1 GiB transfer take 131,072 system calls, and system calls are what a
	 * transfer spent most of its time in on a virtual machine: 32 KiB (the default of
	 * {@link SocketProperties}) made downloads 1.4 to 2 times as fast and uploads a fifth
	 * faster (bench/); 64 KiB measured no faster.
	 */
	private final int socketBuffer;

	TomcatCustomizer(SocketProperties properties) {
		this.socketBuffer = properties.socketBufferBytes();
	}

	@Override
	public void customize(TomcatServletWebServerFactory factory) {
		factory.addContextValves(new UnreadBodyValve());
		factory.addContextCustomizers(context -> {
			if (context.getParent() instanceof StandardHost host) {
				host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
			}
		});
		factory.addConnectorCustomizers(connector -> {
			connector.setProperty("socket.appReadBufSize", Integer.toString(this.socketBuffer));
			connector.setProperty("socket.appWriteBufSize", Integer.toString(this.socketBuffer));
			// "100 Continue" only once the application reads the body, not before it
			// runs:
			// a client that sends Expect: 100-continue (Gradle's build cache, curl for
			// large
			// bodies) then never sends a body that is refused before reading (401, 403,
			// or
			// 413 for a Content-Length over the limits).
			connector.setProperty("continueResponseTiming", "onRead");
		});
	}

}
