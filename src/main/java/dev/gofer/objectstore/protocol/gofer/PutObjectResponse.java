package dev.gofer.objectstore.protocol.gofer;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

import dev.gofer.objectstore.catalog.CommitResult;

/** What a write returns. */
@Schema(name = "PutObjectResult")
record PutObjectResponse(@Schema(description = "The object now stored under the key") ObjectResponse object,
		@Schema(description = "Keys of pipeline objects evicted, oldest first, "
				+ "to keep the pipeline within its limits") List<String> evicted) {

	static PutObjectResponse of(CommitResult result) {
		return new PutObjectResponse(ObjectResponse.of(result.object()), result.evicted());
	}

}
