package dev.gofer.objectstore.protocol.gofer;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import dev.gofer.objectstore.support.ApiClient.Reply;
import dev.gofer.objectstore.support.Combination;
import dev.gofer.objectstore.support.OnEveryCombination;

import static dev.gofer.objectstore.protocol.gofer.ObjectsIntegrationTests.sha256;
import static dev.gofer.objectstore.support.Listings.keys;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pipeline limit holds under concurrent writers, and readers always see whole values,
 * on every catalog and engine.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Combination.class)
class ConcurrentWritersIntegrationTests extends OnEveryCombination {

	private static final int LIMIT = 5;

	@Test
	void concurrentWritersNeverPushAPipelineOverItsLimit() throws Exception {
		String pipeline = "/api/namespaces/default/pipelines/" + unique("race");
		assertThat(this.api.patch(pipeline, "{\"object_limit\": " + LIMIT + "}").status()).isEqualTo(200);
		AtomicBoolean writing = new AtomicBoolean(true);
		AtomicInteger overLimit = new AtomicInteger();
		AtomicInteger listings = new AtomicInteger();
		Set<String> evicted = ConcurrentHashMap.newKeySet();
		try (ExecutorService pool = Executors.newFixedThreadPool(9)) {
			List<Future<?>> writers = new ArrayList<>();
			for (int writer = 0; writer < 8; writer++) {
				int id = writer;
				writers.add(pool.submit(() -> {
					for (int i = 0; i < 25; i++) {
						String key = "w" + id + "-" + i;
						Reply reply = this.api.put(pipeline + "/objects/" + key, "value of " + key);
						assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
						reply.json().get("evicted").forEach(node -> evicted.add(node.asString()));
					}
				}));
			}
			// Lists until the writers are done, and once more after them, however the
			// threads happen to be scheduled.
			Future<?> watcher = pool.submit(() -> {
				boolean more;
				do {
					more = writing.get();
					if (keys(this.api.get(pipeline + "/objects")).size() > LIMIT) {
						overLimit.incrementAndGet();
					}
					listings.incrementAndGet();
				}
				while (more);
			});
			for (Future<?> writer : writers) {
				writer.get();
			}
			writing.set(false);
			watcher.get();
		}
		List<String> remaining = keys(this.api.get(pipeline + "/objects"));
		assertThat(overLimit).as("listings over the limit among " + listings.get()).hasValue(0);
		assertThat(remaining).hasSize(LIMIT).doesNotContainAnyElementsOf(evicted);
		assertThat(evicted).hasSize(8 * 25 - LIMIT);
		for (String key : remaining) {
			assertThat(this.api.get(pipeline + "/objects/" + key).text()).isEqualTo("value of " + key);
		}
		assertThat(this.api.get(pipeline).json().get("pipeline").get("object_count").asLong()).isEqualTo(LIMIT);
	}

	@Test
	void concurrentOverwritesOfOneKeyLeaveOneWholeValue() throws Exception {
		String path = "/api/namespaces/default/pipelines/" + unique("same") + "/objects/key";
		Set<String> written = ConcurrentHashMap.newKeySet();
		AtomicInteger mismatches = new AtomicInteger();
		AtomicBoolean writing = new AtomicBoolean(true);
		try (ExecutorService pool = Executors.newFixedThreadPool(6)) {
			List<Future<?>> writers = new ArrayList<>();
			for (int writer = 0; writer < 4; writer++) {
				int id = writer;
				writers.add(pool.submit(() -> {
					for (int i = 0; i < 20; i++) {
						String value = ("writer " + id + " round " + i + " ").repeat(2000);
						written.add(value);
						assertThat(this.api.put(path, value).status()).isIn(200, 201);
					}
				}));
			}
			Future<?> reader = pool.submit(() -> {
				while (writing.get()) {
					Reply reply = this.api.get(path);
					if (reply.status() == 200 && !(written.contains(reply.text())
							&& reply.header("ETag").equals("\"" + sha256(reply.text()) + "\""))) {
						mismatches.incrementAndGet();
					}
				}
			});
			for (Future<?> writer : writers) {
				writer.get();
			}
			writing.set(false);
			reader.get();
		}
		assertThat(mismatches).hasValue(0);
		assertThat(written).contains(this.api.get(path).text());
	}

}
