package dev.gofer.objectstore.auth;

import java.time.Clock;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import dev.gofer.objectstore.catalog.PipelineName;
import dev.gofer.objectstore.error.InvalidInputException;
import dev.gofer.objectstore.error.NotFoundException;
import dev.gofer.objectstore.error.UnauthenticatedException;

/**
 * Creates, lists, revokes and checks tokens. Changes are transactions, so that they are
 * durable once acknowledged (see {@code CatalogTransactionManager}).
 */
@Service
public class TokenService {

	private static final int MAX_DESCRIPTION = 256;

	private static final int MAX_GLOBS = 32;

	private final TokenRepository tokens;

	private final AdminToken admin;

	private final AuthProperties properties;

	private final Clock clock;

	private final TokenCache cache;

	TokenService(TokenRepository tokens, AdminToken admin, AuthProperties properties, Clock clock) {
		this.tokens = tokens;
		this.admin = admin;
		this.properties = properties;
		this.clock = clock;
		this.cache = new TokenCache(properties.tokenCacheTtl());
	}

	@Transactional
	public IssuedToken create(TokenRequest request) {
		List<Glob> namespaces = globs("namespaces", request.namespaces());
		List<Glob> pipelines = globs("pipelines", request.pipelines());
		List<String> requested = request.actions();
		if (requested == null || requested.isEmpty()) {
			throw new InvalidInputException("actions must name at least one of read, write, delete, mint");
		}
		Set<Action> actions = EnumSet.noneOf(Action.class);
		requested.forEach(action -> actions.add(Action.parse(action)));
		return issue(namespaces, pipelines, actions, null, request.expiresInSeconds(), request.description());
	}

	/**
	 * A token for one run, as a CI container needs: read and write that run's objects,
	 * read the pipeline's objects and runs. It expires after
	 * {@code gofer.auth.run-token-lifetime} unless the request says otherwise.
	 */
	@Transactional
	public IssuedToken createRunToken(PipelineName pipeline, long runId, @Nullable Long expiresInSeconds,
			@Nullable String description) {
		long lifetime = expiresInSeconds != null ? expiresInSeconds : this.properties.runTokenLifetime().toSeconds();
		return issue(List.of(Glob.of(pipeline.namespaceId())), List.of(Glob.of(pipeline.pipelineId())),
				EnumSet.of(Action.READ, Action.WRITE), runId, lifetime,
				description != null ? description : "run " + runId + " of " + pipeline);
	}

	public List<Token> list() {
		return this.tokens.list();
	}

	@Transactional
	public void revoke(String id) {
		this.cache.forget(id);
		if (!this.tokens.delete(id)) {
			throw new NotFoundException("No token with id '" + printable(id) + "'");
		}
		// Once more after the commit: a request checked meanwhile may have cached the row
		// that this transaction was deleting.
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					TokenService.this.cache.forget(id);
				}
			});
		}
	}

	/**
	 * Who holds this bearer secret.
	 * @throws UnauthenticatedException for an unknown, revoked or expired token
	 */
	public Caller authenticate(String secret) {
		if (this.admin.matches(secret)) {
			return new Caller.Admin();
		}
		String id = Secrets.idOf(secret);
		Optional<TokenRepository.Stored> stored = id == null ? Optional.empty() : find(id);
		// Hash and compare even when the id is unknown, so timing does not tell ids
		// apart.
		byte[] presented = Secrets.sha256(secret);
		byte[] expected = stored.map(s -> HexFormat.of().parseHex(s.secretSha256())).orElse(new byte[32]);
		if (stored.isEmpty() || !Secrets.sameHash(presented, expected)) {
			throw new UnauthenticatedException("The bearer token is not valid (unknown or revoked)");
		}
		Token token = stored.get().token();
		if (token.expiredAt(this.clock.millis())) {
			throw new UnauthenticatedException("The bearer token has expired");
		}
		return new Caller.Holder(token);
	}

	/** The stored token, from the cache while it is fresh, else from the catalog. */
	private Optional<TokenRepository.Stored> find(String id) {
		TokenRepository.Stored cached = this.cache.get(id);
		if (cached != null) {
			return Optional.of(cached);
		}
		Optional<TokenRepository.Stored> stored = this.tokens.find(id);
		stored.ifPresent(token -> this.cache.put(id, token));
		return stored;
	}

	private IssuedToken issue(List<Glob> namespaces, List<Glob> pipelines, Set<Action> actions, @Nullable Long runId,
			@Nullable Long expiresInSeconds, @Nullable String description) {
		if (expiresInSeconds != null && (expiresInSeconds < 1 || expiresInSeconds > 100L * 365 * 24 * 3600)) {
			throw new InvalidInputException("expires_in_seconds must be between 1 and 3153600000, or null for never");
		}
		String text = description == null ? "" : description;
		if (text.length() > MAX_DESCRIPTION || text.chars().anyMatch(Character::isISOControl)) {
			throw new InvalidInputException(
					"description must be at most " + MAX_DESCRIPTION + " characters, without control characters");
		}
		long now = this.clock.millis();
		String id = Secrets.newId();
		String secret = Secrets.newSecret(id);
		Token token = new Token(id, namespaces, pipelines, Set.copyOf(actions), runId, now,
				expiresInSeconds == null ? null : now + expiresInSeconds * 1000, text);
		this.tokens.insert(token, Secrets.sha256Hex(secret));
		return new IssuedToken(token, secret);
	}

	private static List<Glob> globs(String field, @Nullable List<String> values) {
		if (values == null || values.isEmpty() || values.size() > MAX_GLOBS) {
			throw new InvalidInputException(field + " must hold 1 to " + MAX_GLOBS + " globs, such as [\"*\"]");
		}
		return values.stream().map(value -> Glob.of(value == null ? "" : value)).toList();
	}

	private static String printable(String value) {
		return value.length() > 40 ? value.substring(0, 40) + "…" : value.replaceAll("[^A-Za-z0-9_-]", "?");
	}

}
