package dev.gofer.objectstore.web;

import jakarta.validation.constraints.AssertTrue;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * {@code gofer.server.*}: how the HTTP server moves bytes through its connections.
 *
 * @param socketBuffer The largest read from, or write to, a connection's socket, 4KB to
 * 1MB. Each open connection holds one buffer of this size for each direction, so a
 * deployment that keeps thousands of idle connections open may want less; large transfers
 * want more than Tomcat's 8KB, since a transfer spends most of its time in system calls
 * on a virtual machine.
 */
@Validated
@ConfigurationProperties("gofer.server")
public record SocketProperties(@DefaultValue("32KB") DataSize socketBuffer) {

	@AssertTrue(message = "gofer.server.socket-buffer must be between 4KB and 1MB")
	boolean isSocketBufferReasonable() {
		return this.socketBuffer.toBytes() >= 4096 && this.socketBuffer.toBytes() <= 1024 * 1024;
	}

	int socketBufferBytes() {
		return (int) this.socketBuffer.toBytes();
	}

}
