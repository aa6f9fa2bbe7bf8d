package dev.gofer.objectstore.protocol.bazel;

import java.io.IOException;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

import dev.gofer.objectstore.auth.Action;
import dev.gofer.objectstore.auth.Requires;
import dev.gofer.objectstore.cache.CacheHttp;
import dev.gofer.objectstore.cache.CacheProtocol;
import dev.gofer.objectstore.cache.CacheStore;
import dev.gofer.objectstore.cache.CacheStores;
import dev.gofer.objectstore.cache.CacheUpload;
import dev.gofer.objectstore.catalog.Identifiers;
import dev.gofer.objectstore.catalog.PipelineName;
import dev.gofer.objectstore.error.InvalidInputException;

/**
 * Bazel's HTTP caching protocol, as Bazel's HTTP cache client and bazel-remote speak it:
 * {@code GET} answers 200 with the entry or 404 on a miss, {@code HEAD} the same without
 * a body, {@code PUT} stores and answers 200 with no body. Names are lowercase SHA-256
 * hex digests (anything else is 400); a {@code cas} upload must hash to its name, or it
 * is refused with 400 and nothing is stored. Action results ({@code ac}) are stored as
 * sent.
 */
@RestController
@CacheProtocol("bazel")
@RequestMapping("/cache/bazel/{namespace_id}/{pipeline_id}/{kind:ac|cas}/{hash}")
class BazelCacheController {

	private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

	private final CacheStore cache;

	BazelCacheController(CacheStores caches) {
		this.cache = caches.forProtocol("bazel");
	}

	@GetMapping
	@Requires(Action.READ)
	void get(@PathVariable("namespace_id") String namespaceId, @PathVariable("pipeline_id") String pipelineId,
			@PathVariable String kind, @PathVariable String hash, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		CacheHttp.download(this.cache, pipeline(namespaceId, pipelineId), key(kind, hash), request, response);
	}

	@RequestMapping(method = RequestMethod.HEAD)
	@Requires(Action.READ)
	void head(@PathVariable("namespace_id") String namespaceId, @PathVariable("pipeline_id") String pipelineId,
			@PathVariable String kind, @PathVariable String hash, HttpServletResponse response) {
		CacheHttp.head(this.cache, pipeline(namespaceId, pipelineId), key(kind, hash), response);
	}

	@PutMapping
	@Requires(Action.WRITE)
	void put(@PathVariable("namespace_id") String namespaceId, @PathVariable("pipeline_id") String pipelineId,
			@PathVariable String kind, @PathVariable String hash, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		String key = key(kind, hash);
		CacheUpload upload = CacheHttp.uploadOf(request);
		// The CAS is content-addressed: what is stored under a digest must be what it
		// names, or every later build that trusts it would be wrong.
		CacheHttp.upload(this.cache, pipeline(namespaceId, pipelineId), key, request,
				kind.equals("cas") ? upload.verifying(hash) : upload);
		response.setStatus(HttpStatus.OK.value());
		response.setContentLength(0);
	}

	private static PipelineName pipeline(String namespaceId, String pipelineId) {
		return Identifiers.pipeline(namespaceId, pipelineId);
	}

	private static String key(String kind, String hash) {
		if (!SHA256.matcher(hash).matches()) {
			throw new InvalidInputException("A Bazel cache name is a SHA-256 digest: 64 lowercase hexadecimal digits");
		}
		return kind + "." + hash;
	}

}
