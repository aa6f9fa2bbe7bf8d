package dev.gofer.objectstore.store;

import java.net.URI;
import java.nio.file.Path;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * {@code gofer.object-store.*}: where the bytes go, and the limits that apply to every
 * pipeline unless it overrides them.
 *
 * @param engine Which engine holds the bytes: database (also accepted as sqlite),
 * filesystem or s3.
 * @param maxObjectSize The largest object accepted. A larger upload is refused with 413
 * and nothing is kept.
 * @param pipelineObjectLimit How many pipeline objects a pipeline keeps before writes
 * evict the oldest, unless the pipeline sets its own object_limit.
 * @param runObjectExpiry For how many runs of a pipeline the objects of a run are kept,
 * unless the pipeline sets its own run_object_expiry.
 * @param pipelineByteLimit How many bytes of pipeline objects a pipeline keeps, unless
 * the pipeline sets its own byte_limit. Unset means no byte limit.
 * @param inlineThreshold Objects smaller than this keep their bytes in their catalog row
 * instead of the engine, whatever the engine: one transaction writes them and one query
 * reads them whole, and nothing is left to reclaim when they go. 0 sends every object to
 * the engine; at most 1MB.
 * @param database Settings of the database engine.
 * @param filesystem Settings of the filesystem engine.
 * @param s3 Settings of the s3 engine.
 */
@Validated
@ConfigurationProperties("gofer.object-store")
public record ObjectStoreProperties(@DefaultValue("database") Engine engine,
		@DefaultValue("5GB") DataSize maxObjectSize, @DefaultValue("50") @Min(1) int pipelineObjectLimit,
		@DefaultValue("50") @Min(1) int runObjectExpiry, @Nullable DataSize pipelineByteLimit,
		@DefaultValue("16KB") DataSize inlineThreshold, @DefaultValue @Valid Database database,
		@DefaultValue @Valid Filesystem filesystem, @DefaultValue @Valid S3 s3) {

	@AssertTrue(message = "gofer.object-store.s3.bucket is required when gofer.object-store.engine is s3")
	boolean isBucketGivenForS3() {
		return this.engine != Engine.S3 || (this.s3.bucket() != null && !this.s3.bucket().isBlank());
	}

	@AssertTrue(message = "gofer.object-store.filesystem.path is required when gofer.object-store.engine is filesystem")
	boolean isPathGivenForFilesystem() {
		return this.engine != Engine.FILESYSTEM || this.filesystem.path() != null;
	}

	@AssertTrue(message = "max-object-size and pipeline-byte-limit must be positive")
	boolean isSizesPositive() {
		return this.maxObjectSize.toBytes() > 0
				&& (this.pipelineByteLimit == null || this.pipelineByteLimit.toBytes() > 0);
	}

	@AssertTrue(message = "gofer.object-store.inline-threshold must be between 0 and 1MB")
	boolean isInlineThresholdReasonable() {
		// Each upload below it is held whole in memory before its commit.
		return this.inlineThreshold.toBytes() >= 0 && this.inlineThreshold.toBytes() <= 1024 * 1024;
	}

	/**
	 * {@code gofer.object-store.database.*}.
	 *
	 * @param chunkSize The size of the rows that hold an object's bytes, 4KB to 64MB.
	 * Each is read and written whole, so it bounds the memory one transfer needs. Below
	 * 512KB, so that a chunk is not a humongous object to the JVM's collector with a
	 * small heap: 1MB chunks set off a collection every few chunks of a download.
	 */
	public record Database(@DefaultValue("256KB") DataSize chunkSize) {

		@AssertTrue(message = "gofer.object-store.database.chunk-size must be between 4KB and 64MB")
		boolean isChunkSizeReasonable() {
			return this.chunkSize.toBytes() >= 4096 && this.chunkSize.toBytes() <= 64L * 1024 * 1024;
		}

	}

	/**
	 * {@code gofer.object-store.filesystem.*}.
	 *
	 * @param path The directory that holds the files, by default objects under the data
	 * directory (set in application.properties, where gofer.data-dir is known).
	 */
	public record Filesystem(@Nullable Path path) {

	}

	/**
	 * {@code gofer.object-store.s3.*}. Without an access key, the AWS SDK's default
	 * credential chain applies (environment, profile, instance or pod identity).
	 *
	 * @param endpoint The service's URL; unset for AWS S3 itself.
	 * @param region The signing region.
	 * @param bucket The bucket, which must exist; required with the s3 engine.
	 * @param prefix A key prefix under which all blobs go, so that a bucket can be
	 * shared.
	 * @param accessKey The access key id. Unset, the AWS SDK's default credential chain
	 * applies.
	 * @param secretKey The secret access key.
	 * @param pathStyle Whether to address the bucket in the path rather than the host
	 * name, as MinIO, Ceph and s3proxy usually need.
	 * @param partSize The size of the parts of a multipart upload, 5MB to 512MB. Each
	 * upload buffers one part in memory.
	 */
	public record S3(@Nullable URI endpoint, @DefaultValue("us-east-1") String region, @Nullable String bucket,
			@DefaultValue("") String prefix, @Nullable String accessKey, @Nullable String secretKey,
			@DefaultValue("false") boolean pathStyle, @DefaultValue("8MB") DataSize partSize) {

		@AssertTrue(message = "gofer.object-store.s3.part-size must be between 5MB and 512MB")
		boolean isPartSizeValid() {
			return this.partSize.toBytes() >= 5L * 1024 * 1024 && this.partSize.toBytes() <= 512L * 1024 * 1024;
		}

		@Override
		public String toString() {
			// The secret key must never reach a log through this record.
			return "S3[endpoint=" + this.endpoint + ", region=" + this.region + ", bucket=" + this.bucket + ", prefix="
					+ this.prefix + ", accessKey=" + this.accessKey + ", secretKey="
					+ (this.secretKey == null ? "unset" : "***") + ", pathStyle=" + this.pathStyle + ", partSize="
					+ this.partSize + "]";
		}

	}

}
