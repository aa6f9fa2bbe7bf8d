package dev.gofer.objectstore.cli;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A one-line progress bar on stderr: bytes so far, percentage, rate and time left. It
 * appears only once a transfer has taken half a second, so that small transfers print
 * nothing; and only when {@link Invocation#progress()} allows it, so that nothing extra
 * lands in a log or a pipe.
 */
final class Progress {

	private static final long DELAY_NANOS = 500_000_000L;

	private static final long REDRAW_NANOS = 100_000_000L;

	private static final int BAR_WIDTH = 24;

	private final PrintStream err;

	private final boolean enabled;

	private final String label;

	private final long total;

	private final LongSupplier nanoClock;

	private final long start;

	private long done;

	private long lastDrawn;

	private boolean drawn;

	/**
	 * @param label what is transferred, such as {@code put build.tar.gz}
	 * @param total the size in bytes, or -1 when unknown (stdin)
	 */
	Progress(Invocation invocation, String label, long total) {
		this(invocation.err(), invocation.progress(), label, total, System::nanoTime);
	}

	Progress(PrintStream err, boolean enabled, String label, long total, LongSupplier nanoClock) {
		this.err = err;
		this.enabled = enabled;
		this.label = label;
		this.total = total;
		this.nanoClock = nanoClock;
		this.start = nanoClock.getAsLong();
	}

	/** Counts the bytes read through a stream. */
	InputStream count(InputStream in) {
		return new FilterInputStream(in) {

			@Override
			public int read() throws IOException {
				int b = super.read();
				advance((b < 0) ? 0 : 1);
				return b;
			}

			@Override
			public int read(byte[] buffer, int offset, int length) throws IOException {
				int n = super.read(buffer, offset, length);
				advance(Math.max(n, 0));
				return n;
			}

		};
	}

	synchronized void advance(long bytes) {
		this.done += bytes;
		if (!this.enabled) {
			return;
		}
		long now = this.nanoClock.getAsLong();
		if (now - this.start >= DELAY_NANOS && now - this.lastDrawn >= REDRAW_NANOS) {
			this.lastDrawn = now;
			this.drawn = true;
			this.err.print("\r" + line(now) + "\u001b[K");
			this.err.flush();
		}
	}

	/** Draws the final state and ends the line, if a bar was drawn at all. */
	synchronized void finish() {
		if (this.drawn) {
			this.err.print("\r" + line(this.nanoClock.getAsLong()) + "\u001b[K\n");
			this.err.flush();
		}
	}

	private String line(long now) {
		double seconds = Math.max((now - this.start) / 1e9, 1e-3);
		long rate = (long) (this.done / seconds);
		StringBuilder line = new StringBuilder(this.label).append("  ");
		if (this.total > 0) {
			int filled = (int) (BAR_WIDTH * Math.min(1.0, (double) this.done / this.total));
			line.append('[').repeat('#', filled).repeat('.', BAR_WIDTH - filled).append("] ");
			line.append(String.format(Locale.ROOT, "%3d%%  ", 100 * this.done / this.total));
			line.append(Units.size(this.done)).append(" / ").append(Units.size(this.total));
		}
		else {
			line.append(Units.size(this.done));
		}
		line.append("  ").append(Units.size(rate)).append("/s");
		if (this.total > 0 && rate > 0 && this.done < this.total) {
			line.append("  ETA ").append(Units.duration((this.total - this.done + rate - 1) / rate));
		}
		return line.toString();
	}

}
