package dev.gofer.objectstore.auth;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

/**
 * Tokens read from the catalog in the last {@code gofer.auth.token-cache-ttl}, so that a
 * client's requests do not each cost a query. It holds what the catalog holds (the hash
 * of the secret, never the secret): the caller still compares hashes and expiry on every
 * request. Bounded: past {@value #MAX_ENTRIES} tokens it starts over.
 */
final class TokenCache {

	private static final int MAX_ENTRIES = 10_000;

	private final long ttlNanos;

	private final Map<String, Entry> entries = new ConcurrentHashMap<>();

	TokenCache(Duration ttl) {
		this.ttlNanos = ttl.toNanos();
	}

	private record Entry(TokenRepository.Stored stored, long loadedNanos) {

	}

	TokenRepository.@Nullable Stored get(String id) {
		Entry entry = this.entries.get(id);
		if (entry == null) {
			return null;
		}
		if (System.nanoTime() - entry.loadedNanos() >= this.ttlNanos) {
			this.entries.remove(id, entry);
			return null;
		}
		return entry.stored();
	}

	void put(String id, TokenRepository.Stored stored) {
		if (this.ttlNanos <= 0) {
			return;
		}
		if (this.entries.size() >= MAX_ENTRIES) {
			this.entries.clear();
		}
		this.entries.put(id, new Entry(stored, System.nanoTime()));
	}

	void forget(String id) {
		this.entries.remove(id);
	}

}
