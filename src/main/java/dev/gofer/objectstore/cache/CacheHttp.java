package dev.gofer.objectstore.cache;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

import dev.gofer.objectstore.catalog.CommitResult;
import dev.gofer.objectstore.catalog.ObjectEntry;
import dev.gofer.objectstore.catalog.PipelineName;
import dev.gofer.objectstore.web.ByteRange;
import dev.gofer.objectstore.web.TransferMetrics;

/**
 * A {@link CacheStore} over a servlet request and response: the GET, HEAD and PUT that
 * most cache protocols are made of. A hit answers 200 with the entry's
 * {@code Content-Type}, {@code Content-Length}, {@code ETag} (its SHA-256) and
 * {@code Last-Modified} (and 206 for a single byte {@code Range}); a miss answers 404
 * with an empty body, which no tool takes for content.
 */
public final class CacheHttp {

	private CacheHttp() {
	}

	/**
	 * Answers a GET: the entry's content, streamed, or a miss.
	 * @return whether it was a hit
	 */
	public static boolean download(CacheStore store, PipelineName pipeline, String key, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		Optional<ObjectEntry> found = store.find(pipeline, key);
		if (found.isEmpty()) {
			miss(response);
			return false;
		}
		ObjectEntry entry = found.get();
		ByteRange range = ByteRange.parse(request.getHeader(HttpHeaders.RANGE), entry.size());
		long start = range == null ? 0 : range.start();
		long length = range == null ? entry.size() : range.length();
		TransferMetrics.Transfer transfer = store.startDownload(pipeline);
		try (InputStream content = store.open(pipeline, entry, start, length)) {
			writeHeaders(response, entry);
			response.setContentLengthLong(length);
			if (range != null) {
				response.setStatus(HttpStatus.PARTIAL_CONTENT.value());
				response.setHeader(HttpHeaders.CONTENT_RANGE,
						"bytes " + range.start() + "-" + range.end() + "/" + entry.size());
			}
			content.transferTo(response.getOutputStream());
			response.flushBuffer();
		}
		catch (IOException | RuntimeException ex) {
			transfer.failed();
			throw ex;
		}
		store.downloaded(transfer, length);
		return true;
	}

	/**
	 * Answers a HEAD: the headers of a GET, or a miss.
	 * @return whether it was a hit
	 */
	public static boolean head(CacheStore store, PipelineName pipeline, String key, HttpServletResponse response) {
		Optional<ObjectEntry> found = store.describe(pipeline, key);
		if (found.isEmpty()) {
			miss(response);
			return false;
		}
		writeHeaders(response, found.get());
		response.setContentLengthLong(found.get().size());
		return true;
	}

	/**
	 * Stores the request body as the entry under {@code key}, replacing any earlier one.
	 * A {@code Content-Length} over the limits is refused before the body is read, and
	 * with {@code Expect: 100-continue} before the client sends it.
	 */
	public static CommitResult upload(CacheStore store, PipelineName pipeline, String key, HttpServletRequest request,
			CacheUpload upload) throws IOException {
		return store.put(pipeline, key, request.getInputStream(), upload);
	}

	/** The upload a request announces: its length and its media type. */
	public static CacheUpload uploadOf(HttpServletRequest request) {
		return CacheUpload.of(request.getContentLengthLong(), contentType(request));
	}

	/** A miss: 404 with an empty body. */
	public static void miss(HttpServletResponse response) {
		response.setStatus(HttpStatus.NOT_FOUND.value());
		response.setContentLength(0);
	}

	private static void writeHeaders(HttpServletResponse response, ObjectEntry entry) {
		response.setContentType(entry.contentType());
		response.setHeader(HttpHeaders.ETAG, "\"" + entry.sha256() + "\"");
		response.setDateHeader(HttpHeaders.LAST_MODIFIED, entry.created());
		response.setHeader(HttpHeaders.ACCEPT_RANGES, "bytes");
	}

	/**
	 * The request's media type; a missing or malformed one is stored as
	 * {@code application/octet-stream}, since a cache tool cannot be asked to fix it.
	 */
	private static String contentType(HttpServletRequest request) {
		String header = request.getContentType();
		if (header != null && !header.isBlank()) {
			try {
				return MediaType.parseMediaType(header).toString();
			}
			catch (InvalidMediaTypeException ex) {
				// falls through to the default
			}
		}
		return MediaType.APPLICATION_OCTET_STREAM_VALUE;
	}

}
