package dev.gofer.objectstore.store.s3;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

import dev.gofer.objectstore.store.ObjectStore;
import dev.gofer.objectstore.store.ObjectStoreContractTests;
import dev.gofer.objectstore.support.S3Server;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The S3 engine against a real S3 server (s3proxy), with the smallest part size S3
 * allows.
 */
class S3ObjectStoreContractTests extends ObjectStoreContractTests {

	private static final int PART = 5 * 1024 * 1024;

	private final S3Client client = S3Server.client();

	private String bucket;

	@Override
	protected ObjectStore createStore() {
		this.bucket = S3Server.newBucket();
		return new S3ObjectStore(this.client, this.bucket, "test/", PART);
	}

	@Override
	protected int largeSize() {
		// More than two parts: a multipart upload whose last part is short.
		return 2 * PART + 4321;
	}

	@Test
	void unfinishedMultipartUploadIsListedAndAbortedByDelete() throws IOException {
		long id = newId();
		String key = ((S3ObjectStore) this.store).key(id);
		this.client.createMultipartUpload(b -> b.bucket(this.bucket).key(key));
		assertThat(listed()).contains(id);
		this.store.delete(id);
		assertThat(this.client.listMultipartUploads(b -> b.bucket(this.bucket)).uploads()).isEmpty();
		assertThat(listed()).doesNotContain(id);
	}

	@Test
	void blobsLiveUnderThePrefix() throws IOException {
		long id = newId();
		this.store.write(id, new ByteArrayInputStream(random(10)));
		// s3proxy's filesystem backend also lists its directories as keys ending in '/'.
		assertThat(this.client.listObjectsV2(b -> b.bucket(this.bucket)).contents()).extracting(object -> object.key())
			.filteredOn(key -> !key.endsWith("/"))
			.containsExactly(String.format("test/blobs/%016x", id));
	}

}
