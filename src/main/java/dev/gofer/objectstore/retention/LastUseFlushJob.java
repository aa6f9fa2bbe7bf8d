package dev.gofer.objectstore.retention;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.gofer.objectstore.catalog.LastUseFlusher;

/** Writes the last uses that reads recorded, for LRU eviction. */
@Component
class LastUseFlushJob {

	private final LastUseFlusher flusher;

	LastUseFlushJob(LastUseFlusher flusher) {
		this.flusher = flusher;
	}

	@Scheduled(fixedDelayString = "${gofer.catalog.last-use.flush-interval:15s}",
			initialDelayString = "${gofer.catalog.last-use.flush-interval:15s}")
	void run() {
		this.flusher.flush();
	}

}
