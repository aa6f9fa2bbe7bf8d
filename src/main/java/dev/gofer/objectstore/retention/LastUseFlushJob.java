package dev.gofer.objectstore.retention;

import org.springframework.stereotype.Component;

import dev.gofer.objectstore.catalog.LastUseFlusher;

/** Writes the last uses that reads recorded, for LRU eviction. */
@Component
class LastUseFlushJob {

	private final LastUseFlusher flusher;

	LastUseFlushJob(LastUseFlusher flusher) {
		this.flusher = flusher;
	}

	/** One scheduled run ({@link RetentionSchedule}). */
	void run() {
		this.flusher.flush();
	}

}
