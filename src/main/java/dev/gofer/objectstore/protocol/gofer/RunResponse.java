package dev.gofer.objectstore.protocol.gofer;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

import dev.gofer.objectstore.catalog.RunInfo;

/** Responses about runs. */
final class RunResponse {

	private RunResponse() {
	}

	@Schema(name = "Run", description = "A registered run of a pipeline")
	record Run(@Schema(description = "The run's number within its pipeline") @JsonProperty("run_id") long runId,
			@Schema(description = "When it was registered, in epoch milliseconds") long started,
			@Schema(description = "Whether its objects have expired; "
					+ "an expired run takes no writes") @JsonProperty("objects_expired") boolean objectsExpired) {

		static Run of(RunInfo info) {
			return new Run(info.runId(), info.started(), info.objectsExpired());
		}

	}

	@Schema(name = "RunResult")
	record One(Run run) {

	}

	@Schema(name = "RunList")
	record Many(@Schema(description = "Runs, newest first") List<Run> runs) {

	}

}
