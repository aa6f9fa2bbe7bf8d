package dev.gofer.objectstore;

import java.util.Random;

import org.junit.jupiter.api.Test;

import dev.gofer.objectstore.support.IntegrationTest;
import dev.gofer.objectstore.support.PrometheusScrape;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service's own metrics appear in {@code /actuator/prometheus} under the names the
 * README lists, and move with what the service does. The context is shared, so each test
 * compares a scrape before with one after.
 */
class MetricsIntegrationTests extends IntegrationTest {

	@Test
	void uploadsAndDownloadsRecordTheirSizesAndDurations() {
		String objects = "/api/namespaces/default/pipelines/" + unique("metrics") + "/objects/";
		byte[] content = new byte[3000];
		new Random(7).nextBytes(content);
		PrometheusScrape before = PrometheusScrape.of(this.api);

		assertThat(this.api.put(objects + "k", content).status()).isEqualTo(201);
		assertThat(this.api.get(objects + "k").bytes()).isEqualTo(content);
		assertThat(this.api.get(objects + "k", "Range", "bytes=0-99").status()).isEqualTo(206);
		assertThat(this.api.post(objects + "k", "again").status()).isEqualTo(409);

		PrometheusScrape after = PrometheusScrape.of(this.api);
		assertThat(delta(before, after, "gofer_upload_size_bytes_count", "kind", "pipeline")).isEqualTo(1);
		assertThat(delta(before, after, "gofer_upload_size_bytes_sum", "kind", "pipeline")).isEqualTo(3000);
		assertThat(
				delta(before, after, "gofer_upload_duration_seconds_count", "kind", "pipeline", "outcome", "success"))
			.isEqualTo(1);
		assertThat(
				delta(before, after, "gofer_upload_duration_seconds_count", "kind", "pipeline", "outcome", "failure"))
			.isEqualTo(1);
		assertThat(delta(before, after, "gofer_download_size_bytes_count", "kind", "pipeline")).isEqualTo(2);
		assertThat(delta(before, after, "gofer_download_size_bytes_sum", "kind", "pipeline")).isEqualTo(3100);
		assertThat(
				delta(before, after, "gofer_download_duration_seconds_count", "kind", "pipeline", "outcome", "success"))
			.isEqualTo(2);
		// Fixed buckets, so that Prometheus can count large or slow transfers.
		assertThat(delta(before, after, "gofer_upload_size_bytes_bucket", "kind", "pipeline", "le", "65536.0"))
			.isEqualTo(1);
		assertThat(after.has("gofer_download_duration_seconds_bucket")).isTrue();
	}

	@Test
	void evictionsAndExpirationsCountObjectsAndBytes() {
		String pipeline = "/api/namespaces/default/pipelines/" + unique("metrics");
		assertThat(this.api.patch(pipeline, "{\"object_limit\":1,\"run_object_expiry\":1}").status()).isEqualTo(200);
		PrometheusScrape before = PrometheusScrape.of(this.api);

		this.api.put(pipeline + "/objects/a", "12345");
		this.api.put(pipeline + "/objects/b", "1");
		this.api.put(pipeline + "/runs/1/objects/r1", "1234567");
		this.api.put(pipeline + "/runs/1/objects/r2", "12");
		assertThat(this.api.post(pipeline + "/runs", "").status()).isEqualTo(201);

		PrometheusScrape after = PrometheusScrape.of(this.api);
		assertThat(delta(before, after, "gofer_objects_evicted_total")).isEqualTo(1);
		assertThat(delta(before, after, "gofer_reclaimed_bytes_total", "reason", "evicted")).isEqualTo(5);
		assertThat(delta(before, after, "gofer_objects_expired_total")).isEqualTo(2);
		assertThat(delta(before, after, "gofer_reclaimed_bytes_total", "reason", "expired")).isEqualTo(9);
	}

	@Test
	void gaugesReportTheObjectsAndBytesStored() {
		String objects = "/api/extensions/" + unique("metrics") + "/objects/";
		PrometheusScrape before = PrometheusScrape.of(this.api);

		this.api.put(objects + "one", new byte[1000]);
		this.api.put(objects + "two", new byte[24]);

		// The tests' context refreshes usage on every scrape
		// (gofer.metrics.usage-refresh=0s).
		PrometheusScrape after = PrometheusScrape.of(this.api);
		assertThat(delta(before, after, "gofer_objects_stored", "kind", "extension")).isEqualTo(2);
		assertThat(delta(before, after, "gofer_stored_bytes", "kind", "extension")).isEqualTo(1024);
		assertThat(after.has("gofer_objects_stored")).isTrue();
		assertThat(after.value("gofer_objects_stored", "kind", "pipeline")).isPositive();

		this.api.delete(objects + "one");
		assertThat(PrometheusScrape.of(this.api).value("gofer_stored_bytes", "kind", "extension"))
			.isEqualTo(after.value("gofer_stored_bytes", "kind", "extension") - 1000);
	}

	@Test
	void theBatchWriterCountsItsTransactionsAndTheUploadsTheyCommitted() {
		String objects = "/api/namespaces/default/pipelines/" + unique("metrics") + "/objects/";
		PrometheusScrape before = PrometheusScrape.of(this.api);

		this.api.put(objects + "a", "1");
		this.api.put(objects + "b", "2");

		PrometheusScrape after = PrometheusScrape.of(this.api);
		assertThat(delta(before, after, "gofer_catalog_commit_batched_total")).isEqualTo(2);
		// One after the other, each upload's commit had a transaction of its own.
		assertThat(delta(before, after, "gofer_catalog_commit_batches_total")).isEqualTo(2);
		assertThat(after.has("gofer_catalog_commit_queue")).isTrue();
		assertThat(after.value("gofer_catalog_commit_queue")).isZero();
	}

	private static double delta(PrometheusScrape before, PrometheusScrape after, String name, String... labels) {
		return after.value(name, labels) - before.value(name, labels);
	}

}
