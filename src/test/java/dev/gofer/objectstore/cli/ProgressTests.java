package dev.gofer.objectstore.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressTests {

	private static final long SECOND = 1_000_000_000L;

	private final AtomicLong clock = new AtomicLong();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	@Test
	void drawsBytesPercentageRateAndTimeLeft() {
		Progress progress = progress(true, 100L << 20);
		this.clock.set(2 * SECOND);
		progress.advance(20L << 20);
		assertThat(stderr())
			.isEqualTo("\rput k  [####....................]  20%  20 MiB / 100 MiB  10 MiB/s  ETA 8s\u001b[K");
		progress.finish();
		assertThat(stderr()).endsWith("\u001b[K\n");
	}

	@Test
	void withoutATotalDrawsBytesAndRate() {
		Progress progress = progress(true, -1);
		this.clock.set(SECOND);
		progress.advance(3 << 20);
		assertThat(stderr()).isEqualTo("\rput k  3.0 MiB  3.0 MiB/s\u001b[K");
	}

	@Test
	void shortTransfersDrawNothing() {
		Progress progress = progress(true, 1000);
		this.clock.set(SECOND / 10);
		progress.advance(1000);
		progress.finish();
		assertThat(stderr()).isEmpty();
	}

	@Test
	void drawsNothingWhenNotAllowed() throws Exception {
		Progress progress = progress(false, 4);
		this.clock.set(10 * SECOND);
		try (InputStream in = progress.count(new ByteArrayInputStream(new byte[] { 1, 2, 3, 4 }))) {
			assertThat(in.readAllBytes()).hasSize(4);
		}
		progress.finish();
		assertThat(stderr()).isEmpty();
	}

	@Test
	void countsWhatIsRead() throws Exception {
		Progress progress = progress(true, 4);
		this.clock.set(SECOND);
		try (InputStream in = progress.count(new ByteArrayInputStream(new byte[] { 1, 2, 3, 4 }))) {
			in.read();
			in.readAllBytes();
		}
		progress.finish();
		assertThat(stderr()).contains("100%  4 B / 4 B");
	}

	private Progress progress(boolean enabled, long total) {
		return new Progress(new PrintStream(this.err, true, StandardCharsets.UTF_8), enabled, "put k", total,
				this.clock::get);
	}

	private String stderr() {
		return this.err.toString(StandardCharsets.UTF_8);
	}

}
