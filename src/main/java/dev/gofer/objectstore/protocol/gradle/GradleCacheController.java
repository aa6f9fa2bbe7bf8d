package dev.gofer.objectstore.protocol.gradle;

import java.io.IOException;

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
import dev.gofer.objectstore.catalog.CommitResult;
import dev.gofer.objectstore.catalog.Identifiers;
import dev.gofer.objectstore.catalog.PipelineName;

/**
 * Gradle's HTTP build cache, as {@code HttpBuildCache} documents it: {@code GET} answers
 * 200 with the entry (a hit) or 404 (a miss), {@code PUT} answers 201 for a new entry and
 * 200 for a replaced one, and 413 when the entry is larger than the pipeline takes, which
 * Gradle does not count as an error; with {@code useExpectContinue} that 413 comes before
 * Gradle sends the body. {@code HEAD} answers like {@code GET} without the body. Gradle
 * sends its credentials with HTTP Basic; the token is the password.
 */
@RestController
@CacheProtocol("gradle")
@RequestMapping("/cache/gradle/{namespace_id}/{pipeline_id}/{key}")
class GradleCacheController {

	private final CacheStore cache;

	GradleCacheController(CacheStores caches) {
		this.cache = caches.forProtocol("gradle");
	}

	@GetMapping
	@Requires(Action.READ)
	void get(@PathVariable("namespace_id") String namespaceId, @PathVariable("pipeline_id") String pipelineId,
			@PathVariable String key, HttpServletRequest request, HttpServletResponse response) throws IOException {
		CacheHttp.download(this.cache, pipeline(namespaceId, pipelineId), objectKey(key), request, response);
	}

	@RequestMapping(method = RequestMethod.HEAD)
	@Requires(Action.READ)
	void head(@PathVariable("namespace_id") String namespaceId, @PathVariable("pipeline_id") String pipelineId,
			@PathVariable String key, HttpServletResponse response) {
		CacheHttp.head(this.cache, pipeline(namespaceId, pipelineId), objectKey(key), response);
	}

	@PutMapping
	@Requires(Action.WRITE)
	void put(@PathVariable("namespace_id") String namespaceId, @PathVariable("pipeline_id") String pipelineId,
			@PathVariable String key, HttpServletRequest request, HttpServletResponse response) throws IOException {
		CommitResult result = CacheHttp.upload(this.cache, pipeline(namespaceId, pipelineId), objectKey(key), request,
				CacheHttp.uploadOf(request));
		response.setStatus(result.replaced() ? HttpStatus.OK.value() : HttpStatus.CREATED.value());
		response.setContentLength(0);
	}

	private static PipelineName pipeline(String namespaceId, String pipelineId) {
		return Identifiers.pipeline(namespaceId, pipelineId);
	}

	/** Gradle's cache keys are hex digests; any name the object keys allow is taken. */
	private static String objectKey(String key) {
		return Identifiers.key("gradle." + key);
	}

}
