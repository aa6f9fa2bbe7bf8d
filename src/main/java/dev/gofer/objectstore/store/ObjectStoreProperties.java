package dev.gofer.objectstore.store;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * {@code gofer.object-store.*}: where the bytes go, and the limits that apply to every pipeline
 * unless it overrides them.
 *
 * @param engine which engine holds the bytes: {@code database} (also {@code sqlite})
 * @param maxObjectSize the largest object accepted; a larger upload is refused with 413 and
 * nothing is kept
 * @param pipelineObjectLimit how many pipeline objects a pipeline keeps before writes evict the
 * oldest
 * @param runObjectExpiry for how many runs of a pipeline the objects of a run are kept
 * @param pipelineByteLimit how many bytes of pipeline objects a pipeline keeps; unset means no
 * byte limit
 * @param database settings of the {@code database} engine
 */
@Validated
@ConfigurationProperties("gofer.object-store")
public record ObjectStoreProperties(@DefaultValue("database") Engine engine,
		@DefaultValue("5GB") DataSize maxObjectSize, @DefaultValue("50") @Min(1) int pipelineObjectLimit,
		@DefaultValue("50") @Min(1) int runObjectExpiry, @Nullable DataSize pipelineByteLimit,
		@DefaultValue @Valid Database database) {

	@AssertTrue(message = "max-object-size and pipeline-byte-limit must be positive")
	boolean isSizesPositive() {
		return this.maxObjectSize.toBytes() > 0
				&& (this.pipelineByteLimit == null || this.pipelineByteLimit.toBytes() > 0);
	}

	/**
	 * {@code gofer.object-store.database.*}.
	 *
	 * @param chunkSize the size of the rows that hold an object's bytes; each is read and
	 * written whole, so it bounds the memory one transfer needs
	 */
	public record Database(@DefaultValue("1MB") DataSize chunkSize) {

		@AssertTrue(message = "gofer.object-store.database.chunk-size must be between 4KB and 64MB")
		boolean isChunkSizeReasonable() {
			return this.chunkSize.toBytes() >= 4096 && this.chunkSize.toBytes() <= 64L * 1024 * 1024;
		}

	}

}
