package dev.gofer.objectstore.protocol.gofer;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import dev.gofer.objectstore.catalog.CommitResult;
import dev.gofer.objectstore.catalog.EntityTagCondition;
import dev.gofer.objectstore.catalog.Identifiers;
import dev.gofer.objectstore.catalog.ObjectEntry;
import dev.gofer.objectstore.catalog.ObjectService;
import dev.gofer.objectstore.catalog.Scope;
import dev.gofer.objectstore.catalog.WriteRules;
import dev.gofer.objectstore.error.InvalidInputException;
import dev.gofer.objectstore.web.ByteRange;
import dev.gofer.objectstore.web.EntityTags;
import dev.gofer.objectstore.web.QueryParameters;
import dev.gofer.objectstore.web.TransferMetrics;

/**
 * The HTTP side of the object verbs, shared by the three scopes' controllers: streams
 * bodies in and out, and maps headers to and from the catalog's terms.
 */
@Component
class ObjectTransfer {

	/** The description of the three scopes' delete by prefix. */
	static final String BULK_DELETE = """
			Removes every object of the scope whose key starts with `prefix` (required, not empty) \
			and answers how many. Objects are removed in batches, each a transaction, so other writes \
			go on meanwhile; all are gone for readers before the response. An object written under a \
			matching key while this runs may stay.""";

	private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9._-]{1,255}");

	/** Downloads up to this size are copied in one piece. */
	private static final int SMALL_DOWNLOAD = 64 * 1024;

	private final ObjectService objects;

	private final TransferMetrics metrics;

	ObjectTransfer(ObjectService objects, TransferMetrics metrics) {
		this.objects = objects;
		this.metrics = metrics;
	}

	ObjectListResponse list(Scope scope, @Nullable String prefix, @Nullable String order, @Nullable String limit) {
		boolean newestFirst = switch (order == null ? "oldest" : order) {
			case "oldest" -> false;
			case "newest" -> true;
			default -> throw new InvalidInputException("order must be 'oldest' or 'newest'");
		};
		return new ObjectListResponse(this.objects.list(scope, prefix, newestFirst, parseLimit(limit))
			.stream()
			.map(ObjectResponse::of)
			.toList());
	}

	/**
	 * Stores the request body.
	 * @param alwaysOverwrite true for PUT; POST overwrites only with {@code ?force=true}
	 */
	ResponseEntity<PutObjectResponse> upload(Scope scope, String key, HttpServletRequest request,
			boolean alwaysOverwrite) throws IOException {
		Identifiers.key(key);
		boolean overwrite = alwaysOverwrite || QueryParameters.flag(request, "force");
		WriteRules rules = new WriteRules(overwrite,
				EntityTags.parse(HttpHeaders.IF_MATCH, request.getHeader(HttpHeaders.IF_MATCH)),
				EntityTags.parse(HttpHeaders.IF_NONE_MATCH, request.getHeader(HttpHeaders.IF_NONE_MATCH)));
		TransferMetrics.Transfer transfer = this.metrics.start("upload", scope);
		CommitResult result;
		try {
			result = this.objects.put(scope, key, request.getInputStream(), request.getContentLengthLong(),
					contentType(request), rules);
		}
		catch (IOException | RuntimeException ex) {
			transfer.failed();
			throw ex;
		}
		transfer.succeeded(result.object().size());
		HttpStatus status = alwaysOverwrite && result.replaced() ? HttpStatus.OK : HttpStatus.CREATED;
		return ResponseEntity.status(status)
			.location(URI.create(request.getRequestURI()))
			.eTag(quoted(result.object().sha256()))
			.body(PutObjectResponse.of(result));
	}

	/**
	 * Sends the object's content, or the range asked for, or 304 when the client's copy
	 * is current.
	 */
	void download(Scope scope, String key, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		ObjectEntry entry = this.objects.get(scope, Identifiers.key(key));
		EntityTagCondition ifNoneMatch = EntityTags.parse(HttpHeaders.IF_NONE_MATCH,
				request.getHeader(HttpHeaders.IF_NONE_MATCH));
		if (ifNoneMatch != null && ifNoneMatch.matches(entry.sha256())) {
			response.setStatus(HttpStatus.NOT_MODIFIED.value());
			response.setHeader(HttpHeaders.ETAG, quoted(entry.sha256()));
			return;
		}
		ByteRange range = rangeFor(request, entry);
		long start = range == null ? 0 : range.start();
		long length = range == null ? entry.size() : range.length();
		TransferMetrics.Transfer transfer = this.metrics.start("download", scope);
		try (InputStream content = this.objects.open(scope, entry, start, length)) {
			writeHeaders(response, entry);
			response.setContentLengthLong(length);
			if (range != null) {
				response.setStatus(HttpStatus.PARTIAL_CONTENT.value());
				response.setHeader(HttpHeaders.CONTENT_RANGE,
						"bytes " + range.start() + "-" + range.end() + "/" + entry.size());
			}
			send(content, length, response);
			// Send what Tomcat still buffers, so that the duration and outcome include
			// the last bytes.
			response.flushBuffer();
		}
		catch (IOException | RuntimeException ex) {
			transfer.failed();
			throw ex;
		}
		transfer.succeeded(length);
	}

	/**
	 * Copies the content to the client. A small one goes through one array of its exact
	 * size: {@code transferTo} would allocate and clear a 16 KiB buffer for every
	 * request, a noticeable share of the cost of serving 1 KiB objects.
	 */
	private static void send(InputStream content, long length, HttpServletResponse response) throws IOException {
		if (length > SMALL_DOWNLOAD) {
			content.transferTo(response.getOutputStream());
			return;
		}
		byte[] bytes = new byte[(int) length];
		int read = content.readNBytes(bytes, 0, bytes.length);
		response.getOutputStream().write(bytes, 0, read);
	}

	/** The headers of a GET, without the body. */
	void head(Scope scope, String key, HttpServletResponse response) {
		ObjectEntry entry = this.objects.describe(scope, Identifiers.key(key));
		writeHeaders(response, entry);
		response.setContentLengthLong(entry.size());
	}

	ResponseEntity<Void> delete(Scope scope, String key) {
		this.objects.delete(scope, Identifiers.key(key));
		return ResponseEntity.noContent().build();
	}

	/**
	 * Deletes the objects whose key starts with {@code prefix}. A missing or empty prefix
	 * is refused, so that no slip of a script empties a scope.
	 */
	DeletedObjectsResponse deleteByPrefix(Scope scope, @Nullable String prefix) {
		if (prefix == null || prefix.isEmpty()) {
			throw new InvalidInputException(
					"prefix is required: DELETE …/objects?prefix=P deletes the objects whose key starts with P, "
							+ "and P may not be empty");
		}
		if (!PREFIX.matcher(prefix).matches()) {
			throw new InvalidInputException(
					"Invalid prefix: use 1 to 255 characters of A-Z, a-z, 0-9, '.', '_' and '-', as keys have");
		}
		return new DeletedObjectsResponse(this.objects.deleteByPrefix(scope, prefix));
	}

	private static @Nullable ByteRange rangeFor(HttpServletRequest request, ObjectEntry entry) {
		String ifRange = request.getHeader(HttpHeaders.IF_RANGE);
		// A Range with an If-Range for other content asks for the whole current object.
		if (ifRange != null && !ifRange.trim().equals(quoted(entry.sha256()))) {
			return null;
		}
		return ByteRange.parse(request.getHeader(HttpHeaders.RANGE), entry.size());
	}

	private static void writeHeaders(HttpServletResponse response, ObjectEntry entry) {
		response.setContentType(entry.contentType());
		response.setHeader(HttpHeaders.ETAG, quoted(entry.sha256()));
		response.setDateHeader(HttpHeaders.LAST_MODIFIED, entry.created());
		response.setHeader(HttpHeaders.ACCEPT_RANGES, "bytes");
	}

	private static String contentType(HttpServletRequest request) {
		String header = request.getContentType();
		if (header == null || header.isBlank()) {
			return MediaType.APPLICATION_OCTET_STREAM_VALUE;
		}
		try {
			return MediaType.parseMediaType(header).toString();
		}
		catch (InvalidMediaTypeException ex) {
			throw new InvalidInputException("Content-Type is not a valid media type");
		}
	}

	static @Nullable Integer parseLimit(@Nullable String limit) {
		if (limit == null) {
			return null;
		}
		try {
			int value = Integer.parseInt(limit.trim());
			if (value >= 1) {
				return value;
			}
		}
		catch (NumberFormatException ex) {
			// falls through to the error below
		}
		throw new InvalidInputException("limit must be a whole number of at least 1");
	}

	private static String quoted(String sha256) {
		return "\"" + sha256 + "\"";
	}

}
