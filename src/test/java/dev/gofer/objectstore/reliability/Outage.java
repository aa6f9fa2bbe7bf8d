package dev.gofer.objectstore.reliability;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import dev.gofer.objectstore.support.ApiClient;
import dev.gofer.objectstore.support.ApiClient.Reply;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Traffic that keeps going while a test takes a backing service down and up again: it
 * records every status it sees and the last value each acknowledged write stored.
 */
final class Outage implements AutoCloseable {

	private final ApiClient api;

	private final String objects;

	private final AtomicBoolean running = new AtomicBoolean(true);

	private final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();

	private final Map<String, String> acknowledged = new ConcurrentHashMap<>();

	private final Thread traffic;

	Outage(ApiClient api, String objects) {
		this.api = api;
		this.objects = objects;
		this.traffic = Thread.ofPlatform().start(this::run);
	}

	private void run() {
		int round = 0;
		while (this.running.get()) {
			String key = "k" + (round % 5);
			String value = "value " + round++;
			try {
				Reply write = this.api.put(this.objects + "/" + key, value);
				count(write.status());
				if (write.status() == 200 || write.status() == 201) {
					this.acknowledged.put(key, value);
				}
				if (this.acknowledged.containsKey(key)) {
					count(this.api.get(this.objects + "/" + key).status());
				}
			}
			catch (IllegalStateException ex) {
				// A connection dropped by the server: counted, never a wrong answer.
				count(-1);
			}
			sleep(20);
		}
	}

	private void count(int status) {
		this.statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
	}

	/** Statuses seen so far, and how often. */
	Map<Integer, AtomicInteger> statuses() {
		return this.statuses;
	}

	/** Stops the traffic and checks that every acknowledged write reads back. */
	void assertAcknowledgedWritesSurvived() {
		stop();
		assertThat(this.acknowledged).isNotEmpty();
		this.acknowledged.forEach((key, value) -> assertThat(this.api.get(this.objects + "/" + key).text())
			.as("last acknowledged value of " + key)
			.isEqualTo(value));
		assertThat(this.statuses.keySet()).as("statuses seen").isSubsetOf(List.of(-1, 200, 201, 503));
	}

	void stop() {
		this.running.set(false);
		try {
			this.traffic.join();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void close() {
		stop();
	}

	/**
	 * Waits, bounded, until {@code condition} holds; fails naming {@code what} otherwise.
	 */
	static void await(String what, Duration timeout, BooleanSupplier condition) {
		Instant deadline = Instant.now().plus(timeout);
		while (!condition.getAsBoolean()) {
			assertThat(Instant.now()).as("waiting for " + what).isBefore(deadline);
			sleep(100);
		}
	}

	static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
