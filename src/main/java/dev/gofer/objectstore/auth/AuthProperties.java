package dev.gofer.objectstore.auth;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code gofer.auth.*}.
 *
 * @param enabled Whether every /api/** call needs a bearer token.
 * @param adminToken The bootstrap admin token (env GOFER_AUTH_ADMIN_TOKEN). When unset,
 * one is generated on first start into an owner-only file in the data directory.
 * @param runTokenLifetime How long a run token lives when its request names no expiry.
 * @param tokenCacheTtl How long a checked token is remembered, so that requests do not
 * each cost a catalog query. A token revoked on another replica is still accepted by this
 * one for up to this long (on the replica that revokes it, never); 0s turns the cache
 * off.
 */
@ConfigurationProperties("gofer.auth")
public record AuthProperties(@DefaultValue("true") boolean enabled, @Nullable String adminToken,
		@DefaultValue("24h") Duration runTokenLifetime, @DefaultValue("10s") Duration tokenCacheTtl) {

	@Override
	public String toString() {
		// The admin token must never reach a log through this record.
		return "AuthProperties[enabled=" + this.enabled + ", adminToken=" + (this.adminToken == null ? "unset" : "***")
				+ ", runTokenLifetime=" + this.runTokenLifetime + ", tokenCacheTtl=" + this.tokenCacheTtl + "]";
	}

}
