package dev.gofer.objectstore.protocol.gofer;

import java.io.IOException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.gofer.objectstore.auth.Action;
import dev.gofer.objectstore.auth.Requires;
import dev.gofer.objectstore.catalog.Identifiers;
import dev.gofer.objectstore.catalog.Scope;

/** Extension objects: no count limit and no expiry. */
@RestController
@RequestMapping("/api/extensions/{extension_id}/objects")
@Tag(name = "Extension objects", description = "Objects of a Gofer extension: no count limit and no expiry")
class ExtensionObjectsController {

	private final ObjectTransfer transfer;

	ExtensionObjectsController(ObjectTransfer transfer) {
		this.transfer = transfer;
	}

	@GetMapping
	@Operation(operationId = "listExtensionObjects", summary = "List an extension's objects",
			description = "Oldest first.")
	@ProblemResponses(400)
	@Requires(Action.READ)
	ObjectListResponse list(@PathVariable("extension_id") String extensionId,
			@Parameter(description = "Only keys that start with this") @RequestParam(
					required = false) @Nullable String prefix,
			@Parameter(description = "oldest (default) or newest first") @RequestParam(
					required = false) @Nullable String order,
			@Parameter(description = "At most this many objects (at least 1)") @RequestParam(
					required = false) @Nullable String limit) {
		return this.transfer.list(scope(extensionId), prefix, order, limit);
	}

	@PostMapping("/{key}")
	@Operation(operationId = "createExtensionObject",
			summary = "Store an extension object, refusing to overwrite unless forced")
	@ObjectUpload(put = false)
	@ProblemResponses({ 400, 409, 412, 413 })
	@Requires(Action.WRITE)
	ResponseEntity<PutObjectResponse> create(@PathVariable("extension_id") String extensionId, @PathVariable String key,
			HttpServletRequest request) throws IOException {
		return this.transfer.upload(scope(extensionId), key, request, false);
	}

	@PutMapping("/{key}")
	@Operation(operationId = "putExtensionObject", summary = "Store an extension object, overwriting any earlier value")
	@ObjectUpload(put = true)
	@ProblemResponses({ 400, 412, 413 })
	@Requires(Action.WRITE)
	ResponseEntity<PutObjectResponse> put(@PathVariable("extension_id") String extensionId, @PathVariable String key,
			HttpServletRequest request) throws IOException {
		return this.transfer.upload(scope(extensionId), key, request, true);
	}

	@GetMapping("/{key}")
	@Operation(operationId = "getExtensionObject", summary = "Download an extension object's content")
	@ObjectDownload
	@ProblemResponses({ 400, 404, 416 })
	@Requires(Action.READ)
	void get(@PathVariable("extension_id") String extensionId, @PathVariable String key, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		this.transfer.download(scope(extensionId), key, request, response);
	}

	@RequestMapping(path = "/{key}", method = RequestMethod.HEAD)
	@Operation(operationId = "headExtensionObject", summary = "Read an extension object's headers without its content")
	@ObjectDownload(head = true)
	@ProblemResponses({ 400, 404 })
	@Requires(Action.READ)
	void head(@PathVariable("extension_id") String extensionId, @PathVariable String key,
			HttpServletResponse response) {
		this.transfer.head(scope(extensionId), key, response);
	}

	@DeleteMapping("/{key}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(operationId = "deleteExtensionObject", summary = "Delete an extension object")
	@ProblemResponses({ 400, 404 })
	@Requires(Action.DELETE)
	void delete(@PathVariable("extension_id") String extensionId, @PathVariable String key) {
		this.transfer.delete(scope(extensionId), key);
	}

	@DeleteMapping
	@Operation(operationId = "deleteExtensionObjectsByPrefix",
			summary = "Delete every extension object whose key starts with a prefix",
			description = ObjectTransfer.BULK_DELETE)
	@ProblemResponses(400)
	@Requires(Action.DELETE)
	DeletedObjectsResponse deleteByPrefix(@PathVariable("extension_id") String extensionId,
			@Parameter(description = "Required, not empty: every object whose key starts with this is deleted",
					required = true) @RequestParam(required = false) @Nullable String prefix) {
		return this.transfer.deleteByPrefix(scope(extensionId), prefix);
	}

	private static Scope scope(String extensionId) {
		return new Scope.Extension(Identifiers.id("extension_id", extensionId));
	}

}
