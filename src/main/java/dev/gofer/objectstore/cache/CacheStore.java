package dev.gofer.objectstore.cache;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

import dev.gofer.objectstore.catalog.CommitResult;
import dev.gofer.objectstore.catalog.Identifiers;
import dev.gofer.objectstore.catalog.ObjectEntry;
import dev.gofer.objectstore.catalog.ObjectService;
import dev.gofer.objectstore.catalog.PipelineName;
import dev.gofer.objectstore.catalog.PipelineOrigin;
import dev.gofer.objectstore.catalog.Scope;
import dev.gofer.objectstore.catalog.Upload;
import dev.gofer.objectstore.catalog.WriteRules;
import dev.gofer.objectstore.error.NotFoundException;
import dev.gofer.objectstore.web.TransferMetrics;

/**
 * One cache protocol's entries: pipeline objects of the pipeline its URL names, under the
 * keys the protocol maps its names to. Everything the object store guarantees holds:
 * uploads stream into a blob no reader sees and are published in one commit, whole or not
 * at all; the SHA-256 is computed while they stream; downloads stream in bounded memory.
 * Lookups count as uses for LRU eviction, and as hits or misses of the protocol; a
 * pipeline that a cache upload creates gets the {@link CacheProperties} defaults.
 * Refusals throw the store's exceptions, which {@link CacheErrorAdvice} answers and
 * counts. {@link CacheHttp} does the same over a servlet request and response.
 */
public final class CacheStore {

	private final String protocol;

	private final ObjectService objects;

	private final CacheMetrics metrics;

	private final TransferMetrics transfers;

	CacheStore(String protocol, ObjectService objects, CacheMetrics metrics, TransferMetrics transfers) {
		this.protocol = protocol;
		this.objects = objects;
		this.metrics = metrics;
		this.transfers = transfers;
	}

	/** The protocol's name, as its metrics are tagged. */
	public String protocol() {
		return this.protocol;
	}

	/**
	 * The entry under {@code key} with the bytes of a small one, for a download; counted
	 * as a hit or a miss.
	 */
	public Optional<ObjectEntry> find(PipelineName pipeline, String key) {
		return counted(this.objects.find(scope(pipeline), Identifiers.key(key)));
	}

	/**
	 * The entry under {@code key} without its bytes, for an answer with headers only;
	 * counted as a hit or a miss.
	 */
	public Optional<ObjectEntry> describe(PipelineName pipeline, String key) {
		return counted(this.objects.findDescription(scope(pipeline), Identifiers.key(key)));
	}

	/**
	 * Opens part of an entry found by {@link #find}; the caller closes the stream.
	 * @throws NotFoundException when the engine has lost the bytes
	 */
	public InputStream open(PipelineName pipeline, ObjectEntry entry, long offset, long length) {
		return this.objects.open(scope(pipeline), entry, offset, length);
	}

	/**
	 * Stores {@code body} under {@code key}, streamed, and counts it as stored.
	 * @throws dev.gofer.objectstore.error.TooLargeException before reading when the
	 * declared size is over {@code max-object-size} or the pipeline's byte limit, else as
	 * soon as the body is
	 * @throws dev.gofer.objectstore.error.InvalidInputException when the body's SHA-256
	 * is not the expected one (nothing is stored)
	 * @throws IOException when reading the body fails (nothing is stored)
	 */
	public CommitResult put(PipelineName pipeline, String key, InputStream body, CacheUpload upload)
			throws IOException {
		Scope scope = scope(pipeline);
		Identifiers.key(key);
		TransferMetrics.Transfer transfer = this.transfers.start("upload", scope);
		CommitResult result;
		try {
			result = this.objects.put(scope, key, body, new Upload(upload.declaredSize(), upload.contentType(),
					new WriteRules(upload.overwrite(), null, null), PipelineOrigin.CACHE, upload.expectedSha256()));
		}
		catch (IOException | RuntimeException ex) {
			transfer.failed();
			throw ex;
		}
		long size = result.object().size();
		transfer.succeeded(size);
		this.metrics.uploaded(this.protocol, size);
		this.metrics.count(this.protocol, CacheMetrics.Outcome.STORED);
		return result;
	}

	/**
	 * Removes the entry under {@code key}.
	 * @return false when there was none
	 */
	public boolean delete(PipelineName pipeline, String key) {
		try {
			this.objects.delete(scope(pipeline), Identifiers.key(key));
			return true;
		}
		catch (NotFoundException ex) {
			return false;
		}
	}

	/** Starts timing a download of an entry this store found. */
	TransferMetrics.Transfer startDownload(PipelineName pipeline) {
		return this.transfers.start("download", scope(pipeline));
	}

	/** Records a download that sent all it had to. */
	void downloaded(TransferMetrics.Transfer transfer, long bytes) {
		transfer.succeeded(bytes);
		this.metrics.downloaded(this.protocol, bytes);
	}

	private Optional<ObjectEntry> counted(Optional<ObjectEntry> entry) {
		this.metrics.count(this.protocol, entry.isPresent() ? CacheMetrics.Outcome.HIT : CacheMetrics.Outcome.MISS);
		return entry;
	}

	private static Scope scope(PipelineName pipeline) {
		return new Scope.Pipeline(pipeline);
	}

}
