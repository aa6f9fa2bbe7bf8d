package dev.gofer.objectstore.cli;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ExitCodeTests {

	@Test
	void everyErrorStatusHasItsDocumentedCode() {
		assertThat(ExitCode.forStatus(400)).isEqualTo(ExitCode.USAGE);
		assertThat(ExitCode.forStatus(401)).isEqualTo(ExitCode.AUTH);
		assertThat(ExitCode.forStatus(403)).isEqualTo(ExitCode.AUTH);
		assertThat(ExitCode.forStatus(404)).isEqualTo(ExitCode.NOT_FOUND);
		assertThat(ExitCode.forStatus(410)).isEqualTo(ExitCode.NOT_FOUND);
		assertThat(ExitCode.forStatus(409)).isEqualTo(ExitCode.CONFLICT);
		assertThat(ExitCode.forStatus(412)).isEqualTo(ExitCode.CONFLICT);
		assertThat(ExitCode.forStatus(413)).isEqualTo(ExitCode.TOO_LARGE);
		assertThat(ExitCode.forStatus(416)).isEqualTo(ExitCode.ERROR);
		assertThat(ExitCode.forStatus(500)).isEqualTo(ExitCode.UNAVAILABLE);
		assertThat(ExitCode.forStatus(503)).isEqualTo(ExitCode.UNAVAILABLE);
	}

	@Test
	void codesAreDistinctAndNumberedInOrder() {
		assertThat(Arrays.stream(ExitCode.values()).mapToInt(ExitCode::code)).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
		// picocli reports its own usage errors with 2: the table must agree.
		assertThat(ExitCode.USAGE.code()).isEqualTo(picocli.CommandLine.ExitCode.USAGE);
	}

}
