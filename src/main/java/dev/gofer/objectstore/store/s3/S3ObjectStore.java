package dev.gofer.objectstore.store.s3;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

import dev.gofer.objectstore.error.UnavailableException;
import dev.gofer.objectstore.store.Engine;
import dev.gofer.objectstore.store.ExactLengthInputStream;
import dev.gofer.objectstore.store.ObjectStore;

/**
 * Keeps each blob as an object {@code <prefix>blobs/<16 hex digits>} in one bucket of any
 * S3-compatible store. A body that fits one part is one PUT; a larger one, or one of
 * unknown length, is a multipart upload streamed one part at a time, so an upload needs
 * memory for one part only. An upload only becomes an object when it completes, so none
 * is ever seen half-written.
 */
class S3ObjectStore implements ObjectStore {

	private static final int FIRST_BUFFER = 64 * 1024;

	private final S3Client s3;

	private final String bucket;

	private final String blobPrefix;

	private final int partSize;

	private final Pattern blobKey;

	S3ObjectStore(S3Client s3, String bucket, String prefix, int partSize) {
		this.s3 = s3;
		this.bucket = bucket;
		this.blobPrefix = prefix + "blobs/";
		this.partSize = partSize;
		this.blobKey = Pattern.compile(Pattern.quote(this.blobPrefix) + "([0-9a-f]{16})");
	}

	@Override
	public long write(long blobId, InputStream content) throws IOException {
		String key = key(blobId);
		PartBuffer part = new PartBuffer(FIRST_BUFFER, this.partSize);
		int n = part.fill(content);
		if (n < this.partSize) {
			guard(() -> this.s3.putObject(b -> b.bucket(this.bucket).key(key).contentLength((long) n),
					RequestBody.fromInputStream(part.stream(n), n)));
			return n;
		}
		return writeMultipart(key, content, part, n);
	}

	private long writeMultipart(String key, InputStream content, PartBuffer part, int first) throws IOException {
		String uploadId = guard(() -> this.s3.createMultipartUpload(b -> b.bucket(this.bucket).key(key)).uploadId());
		List<CompletedPart> parts = new ArrayList<>();
		long total = 0;
		try {
			for (int n = first; n > 0; n = part.fill(content)) {
				int number = parts.size() + 1;
				int length = n;
				String etag = guard(
						() -> this.s3
							.uploadPart(
									b -> b.bucket(this.bucket)
										.key(key)
										.uploadId(uploadId)
										.partNumber(number)
										.contentLength((long) length),
									RequestBody.fromInputStream(part.stream(length), length))
							.eTag());
				parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
				total += n;
			}
			guard(() -> this.s3.completeMultipartUpload(
					b -> b.bucket(this.bucket).key(key).uploadId(uploadId).multipartUpload(m -> m.parts(parts))));
			return total;
		}
		catch (IOException | RuntimeException ex) {
			abort(key, uploadId);
			throw ex;
		}
	}

	@Override
	public Optional<InputStream> open(long blobId, long offset, long length) {
		String key = key(blobId);
		try {
			if (length == 0) {
				this.s3.headObject(b -> b.bucket(this.bucket).key(key));
				return Optional.of(InputStream.nullInputStream());
			}
			String range = "bytes=" + offset + "-" + (offset + length - 1);
			InputStream body = this.s3.getObject(b -> b.bucket(this.bucket).key(key).range(range));
			return Optional.of(new ExactLengthInputStream(body, length));
		}
		catch (NoSuchKeyException ex) {
			return Optional.empty();
		}
		catch (software.amazon.awssdk.services.s3.model.S3Exception ex) {
			if (ex.statusCode() == 404) {
				return Optional.empty();
			}
			throw unavailable(ex);
		}
		catch (SdkException ex) {
			throw unavailable(ex);
		}
	}

	@Override
	public void delete(long blobId) {
		String key = key(blobId);
		guard(() -> this.s3.deleteObject(b -> b.bucket(this.bucket).key(key)));
		// Parts of an upload that died with its server are billed until aborted.
		for (MultipartUpload upload : guard(
				() -> this.s3.listMultipartUploads(b -> b.bucket(this.bucket).prefix(key)).uploads())) {
			if (upload.key().equals(key)) {
				abort(key, upload.uploadId());
			}
		}
	}

	@Override
	public void forEachBlobId(LongConsumer action) {
		guard(() -> {
			for (S3Object object : this.s3.listObjectsV2Paginator(b -> b.bucket(this.bucket).prefix(this.blobPrefix))
				.contents()) {
				accept(object.key(), action);
			}
			for (MultipartUpload upload : this.s3
				.listMultipartUploadsPaginator(b -> b.bucket(this.bucket).prefix(this.blobPrefix))
				.uploads()) {
				accept(upload.key(), action);
			}
			return null;
		});
	}

	@Override
	public void checkReachable() {
		guard(() -> this.s3.headBucket(b -> b.bucket(this.bucket)));
	}

	@Override
	public Engine engine() {
		return Engine.S3;
	}

	String key(long blobId) {
		return this.blobPrefix + String.format("%016x", blobId);
	}

	private void accept(String key, LongConsumer action) {
		Matcher matcher = this.blobKey.matcher(key);
		if (matcher.matches()) {
			action.accept(Long.parseUnsignedLong(matcher.group(1), 16));
		}
	}

	private void abort(String key, String uploadId) {
		try {
			this.s3.abortMultipartUpload(b -> b.bucket(this.bucket).key(key).uploadId(uploadId));
		}
		catch (SdkException ex) {
			// The sweep finds the upload again later.
		}
	}

	private static <T> T guard(Supplier<T> call) {
		try {
			return call.get();
		}
		catch (SdkException ex) {
			throw unavailable(ex);
		}
	}

	private static UnavailableException unavailable(SdkException ex) {
		return new UnavailableException("The S3 store is unavailable", ex);
	}

	/** One part's bytes, in a buffer that grows only as far as the content needs. */
	private static final class PartBuffer {

		private final int limit;

		private byte[] bytes;

		PartBuffer(int initial, int limit) {
			this.bytes = new byte[Math.min(initial, limit)];
			this.limit = limit;
		}

		/** Reads up to one part; fewer bytes only at the end of the content. */
		int fill(InputStream content) throws IOException {
			int n = 0;
			while (true) {
				int read = content.readNBytes(this.bytes, n, this.bytes.length - n);
				n += read;
				if (n < this.bytes.length || this.bytes.length == this.limit) {
					return n;
				}
				this.bytes = Arrays.copyOf(this.bytes, Math.min(this.bytes.length * 2, this.limit));
			}
		}

		InputStream stream(int length) {
			return new ByteArrayInputStream(this.bytes, 0, length);
		}

	}

}
