package dev.gofer.objectstore.protocol.gofer;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.gofer.objectstore.auth.Action;
import dev.gofer.objectstore.auth.Caller;
import dev.gofer.objectstore.auth.Requires;
import dev.gofer.objectstore.auth.TokenRequest;
import dev.gofer.objectstore.auth.TokenService;
import dev.gofer.objectstore.catalog.Identifiers;
import dev.gofer.objectstore.error.InvalidInputException;

/** Token management for the admin, and run tokens for whoever may mint them. */
@RestController
@Tag(name = "Tokens", description = "Bearer tokens: scoped by namespace and pipeline globs and actions")
class TokensController {

	private final TokenService tokens;

	TokensController(TokenService tokens) {
		this.tokens = tokens;
	}

	@PostMapping("/api/tokens")
	@ResponseStatus(HttpStatus.CREATED)
	@Requires(value = Action.WRITE, adminOnly = true)
	@Operation(operationId = "createToken", summary = "Create a token (admin only)",
			description = "The response holds the secret; it is shown this once and stored only as a hash.")
	@ProblemResponses({ 400, 401, 403 })
	TokenResponse.One create(@RequestBody TokenRequestBody body) {
		return TokenResponse.One.of(this.tokens.create(new TokenRequest(body.namespaces(), body.pipelines(),
				body.actions(), body.expiresInSeconds(), body.description())));
	}

	@GetMapping("/api/tokens")
	@Requires(value = Action.READ, adminOnly = true)
	@Operation(operationId = "listTokens", summary = "List tokens, without their secrets (admin only)")
	@ProblemResponses({ 401, 403 })
	TokenResponse.Many list() {
		return new TokenResponse.Many(
				this.tokens.list().stream().map(token -> TokenResponse.Body.of(token, null)).toList());
	}

	@GetMapping("/api/tokens/self")
	@Requires(value = Action.READ, anyToken = true)
	@Operation(operationId = "getTokenGrant", summary = "Describe the request's own token: its scope and actions",
			description = "Any valid token may ask, whatever its scope. Clients such as the web console use it to "
					+ "offer only what the token may do; the API checks every request anyway.")
	@ProblemResponses(401)
	TokenGrantResponse self(HttpServletRequest request) {
		return TokenGrantResponse.of(Caller.of(request));
	}

	@DeleteMapping("/api/tokens/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Requires(value = Action.DELETE, adminOnly = true)
	@Operation(operationId = "deleteToken", summary = "Revoke a token at once (admin only)")
	@ProblemResponses({ 401, 403, 404 })
	void delete(@PathVariable String id) {
		this.tokens.revoke(id);
	}

	@PostMapping("/api/namespaces/{namespace_id}/pipelines/{pipeline_id}/runs/{run_id}/tokens")
	@ResponseStatus(HttpStatus.CREATED)
	@Requires(Action.MINT)
	@Operation(operationId = "createRunToken", summary = "Create a run token",
			description = "A token for one run, for a CI container: it may read and write that run's objects and "
					+ "read the pipeline's objects and runs. Needs the admin token or a token with the mint action "
					+ "on the pipeline. It expires after gofer.auth.run-token-lifetime unless the body says otherwise.")
	@ProblemResponses({ 400, 401, 403 })
	TokenResponse.One createRunToken(@PathVariable("namespace_id") String namespaceId,
			@PathVariable("pipeline_id") String pipelineId, @PathVariable("run_id") String runId,
			@RequestBody(required = false) @Nullable RunTokenRequestBody body) {
		RunTokenRequestBody request = body != null ? body : new RunTokenRequestBody(null, null);
		if (request.expiresInSeconds() != null && request.expiresInSeconds() < 1) {
			throw new InvalidInputException("expires_in_seconds must be at least 1");
		}
		return TokenResponse.One.of(this.tokens.createRunToken(Identifiers.pipeline(namespaceId, pipelineId),
				Identifiers.runId(runId), request.expiresInSeconds(), request.description()));
	}

}
