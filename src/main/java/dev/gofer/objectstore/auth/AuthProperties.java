package dev.gofer.objectstore.auth;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code gofer.auth.*}.
 *
 * @param enabled whether every {@code /api/**} call needs a bearer token
 * @param adminToken the bootstrap admin token (env {@code GOFER_AUTH_ADMIN_TOKEN}); when
 * unset, one is generated on first start into an owner-only file in the data directory
 * @param runTokenLifetime how long a run token lives when its request names no expiry
 */
@ConfigurationProperties("gofer.auth")
public record AuthProperties(@DefaultValue("true") boolean enabled, @Nullable String adminToken,
		@DefaultValue("24h") Duration runTokenLifetime) {

	@Override
	public String toString() {
		// The admin token must never reach a log through this record.
		return "AuthProperties[enabled=" + this.enabled + ", adminToken=" + (this.adminToken == null ? "unset" : "***")
				+ ", runTokenLifetime=" + this.runTokenLifetime + "]";
	}

}
