package dev.gofer.objectstore.protocol.gofer;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import dev.gofer.objectstore.store.Engine;
import dev.gofer.objectstore.store.ObjectStore;
import dev.gofer.objectstore.support.ApiClient.Reply;
import dev.gofer.objectstore.support.Combination;
import dev.gofer.objectstore.support.IntegrationTest;
import dev.gofer.objectstore.support.OnEveryCombination;
import dev.gofer.objectstore.support.PrometheusScrape;

import static dev.gofer.objectstore.support.Listings.keys;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The contract's Objects section, over HTTP, for each of the three scopes, on every
 * catalog and engine.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Combination.class)
class ObjectsIntegrationTests extends OnEveryCombination {

	private String pipelineObjects;

	@BeforeEach
	void pipeline() {
		this.pipelineObjects = "/api/namespaces/default/pipelines/" + unique("objects") + "/objects";
	}

	@Test
	void runsOnTheCombinationItNames() {
		assertThat(this.server.context().getBean(ObjectStore.class).engine())
			.isEqualTo(Engine.parse(this.combination.engine()));
		assertThat(this.server.context().getBean(HikariDataSource.class).getJdbcUrl())
			.startsWith(this.combination.catalog().urlPrefix());
	}

	@ParameterizedTest
	@ValueSource(strings = { "pipeline", "run", "extension" })
	void everyScopeStoresReadsListsAndDeletes(String scope) {
		String objects = switch (scope) {
			case "pipeline" -> this.pipelineObjects;
			case "run" -> "/api/namespaces/" + unique("ns") + "/pipelines/p/runs/7/objects";
			default -> "/api/extensions/" + unique("ext") + "/objects";
		};
		Reply created = this.api.post(objects + "/my_key1", "my_value5", "Content-Type", "text/plain");
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		JsonNode object = created.json().get("object");
		assertThat(object.get("key").asString()).isEqualTo("my_key1");
		assertThat(object.get("size").asLong()).isEqualTo(9);
		assertThat(object.get("sha256").asString()).isEqualTo(sha256("my_value5"));
		assertThat(object.get("content_type").asString()).isEqualTo("text/plain");
		assertThat(object.get("created").asLong()).isPositive();
		assertThat(created.json().get("evicted")).isEmpty();

		Reply get = this.api.get(objects + "/my_key1");
		assertThat(get.status()).isEqualTo(200);
		assertThat(get.text()).isEqualTo("my_value5");
		assertThat(get.header("Content-Type")).isEqualTo("text/plain");
		assertThat(get.header("ETag")).isEqualTo("\"" + sha256("my_value5") + "\"");

		assertThat(keys(this.api.get(objects))).containsExactly("my_key1");
		assertThat(this.api.delete(objects + "/my_key1").status()).isEqualTo(204);
		assertThat(this.api.get(objects + "/my_key1").status()).isEqualTo(404);
		assertThat(this.api.delete(objects + "/my_key1").status()).isEqualTo(404);
		assertThat(keys(this.api.get(objects))).isEmpty();
	}

	@Test
	void postOfAnExistingKeyConflictsAndLeavesTheValue() {
		this.api.post(this.pipelineObjects + "/k", "first");
		Reply again = this.api.post(this.pipelineObjects + "/k", "second");
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.json().get("detail").asString()).contains("already exists");
		assertThat(this.api.get(this.pipelineObjects + "/k").text()).isEqualTo("first");
	}

	@Test
	void postWithForceOverwritesWithCreated() {
		this.api.post(this.pipelineObjects + "/k", "first");
		Reply forced = this.api.post(this.pipelineObjects + "/k?force=true", "second");
		assertThat(forced.status()).isEqualTo(201);
		assertThat(this.api.get(this.pipelineObjects + "/k").text()).isEqualTo("second");
	}

	@Test
	void putCreatesThenReplaces() {
		assertThat(this.api.put(this.pipelineObjects + "/k", "first").status()).isEqualTo(201);
		Reply replaced = this.api.put(this.pipelineObjects + "/k", "second");
		assertThat(replaced.status()).isEqualTo(200);
		assertThat(replaced.json().get("object").get("sha256").asString()).isEqualTo(sha256("second"));
		assertThat(this.api.get(this.pipelineObjects + "/k").text()).isEqualTo("second");
	}

	@Test
	void ifNoneMatchStarCreatesOnlyOnce() {
		assertThat(this.api.put(this.pipelineObjects + "/k", "first", "If-None-Match", "*").status()).isEqualTo(201);
		assertThat(this.api.put(this.pipelineObjects + "/k", "second", "If-None-Match", "*").status()).isEqualTo(412);
		// Preconditions come before force: 412, not 409 and not an overwrite.
		assertThat(this.api.post(this.pipelineObjects + "/k?force=true", "third", "If-None-Match", "*").status())
			.isEqualTo(412);
		assertThat(this.api.post(this.pipelineObjects + "/k", "fourth", "If-None-Match", "*").status()).isEqualTo(412);
		assertThat(this.api.get(this.pipelineObjects + "/k").text()).isEqualTo("first");
	}

	@Test
	void ifMatchSwapsOnlyTheExpectedValue() {
		this.api.put(this.pipelineObjects + "/k", "first");
		String stale = "\"" + sha256("other") + "\"";
		assertThat(this.api.put(this.pipelineObjects + "/k", "second", "If-Match", stale).status()).isEqualTo(412);
		assertThat(this.api.get(this.pipelineObjects + "/k").text()).isEqualTo("first");
		String current = "\"" + sha256("first") + "\"";
		// A match replaces even on POST without force.
		Reply swapped = this.api.post(this.pipelineObjects + "/k", "second", "If-Match", current);
		assertThat(swapped.status()).isEqualTo(201);
		assertThat(this.api.get(this.pipelineObjects + "/k").text()).isEqualTo("second");
		assertThat(this.api.put(this.pipelineObjects + "/missing", "x", "If-Match", current).status()).isEqualTo(412);
		assertThat(this.api.get(this.pipelineObjects + "/missing").status()).isEqualTo(404);
	}

	@Test
	void zeroByteBodyIsAnObject() {
		Reply created = this.api.put(this.pipelineObjects + "/empty", new byte[0]);
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.json().get("object").get("size").asLong()).isZero();
		Reply get = this.api.get(this.pipelineObjects + "/empty");
		assertThat(get.status()).isEqualTo(200);
		assertThat(get.bytes()).isEmpty();
		assertThat(get.header("Content-Length")).isEqualTo("0");
		assertThat(get.header("ETag")).isEqualTo("\"" + sha256("") + "\"");
	}

	@Test
	void contentTypeDefaultsToOctetStream() {
		this.api.put(this.pipelineObjects + "/k", "x".getBytes(StandardCharsets.UTF_8));
		assertThat(this.api.get(this.pipelineObjects + "/k").header("Content-Type"))
			.isEqualTo("application/octet-stream");
	}

	@Test
	void getAndHeadSendTheSameHeaders() {
		this.api.put(this.pipelineObjects + "/k", "hello world", "Content-Type", "text/plain");
		Reply get = this.api.get(this.pipelineObjects + "/k");
		Reply head = this.api.head(this.pipelineObjects + "/k");
		assertThat(head.status()).isEqualTo(200);
		assertThat(head.bytes()).isEmpty();
		for (String header : List.of("Content-Type", "Content-Length", "ETag", "Last-Modified")) {
			assertThat(head.header(header)).as(header).isNotNull().isEqualTo(get.header(header));
		}
		assertThat(get.header("Content-Length")).isEqualTo("11");
		assertThat(this.api.head(this.pipelineObjects + "/missing").status()).isEqualTo(404);
	}

	@Test
	void rangeRequestsAnswerPartialContent() {
		this.api.put(this.pipelineObjects + "/k", "0123456789");
		Reply middle = this.api.get(this.pipelineObjects + "/k", "Range", "bytes=2-5");
		assertThat(middle.status()).isEqualTo(206);
		assertThat(middle.text()).isEqualTo("2345");
		assertThat(middle.header("Content-Range")).isEqualTo("bytes 2-5/10");
		assertThat(middle.header("Content-Length")).isEqualTo("4");
		assertThat(this.api.get(this.pipelineObjects + "/k", "Range", "bytes=7-").text()).isEqualTo("789");
		assertThat(this.api.get(this.pipelineObjects + "/k", "Range", "bytes=-3").text()).isEqualTo("789");
		assertThat(this.api.get(this.pipelineObjects + "/k", "Range", "bytes=8-100").text()).isEqualTo("89");
	}

	@Test
	void unsatisfiableRangeAnswers416WithTheSize() {
		this.api.put(this.pipelineObjects + "/k", "0123456789");
		Reply past = this.api.get(this.pipelineObjects + "/k", "Range", "bytes=10-");
		assertThat(past.status()).isEqualTo(416);
		assertThat(past.header("Content-Range")).isEqualTo("bytes */10");
		assertThat(past.header("Content-Type")).isEqualTo("application/problem+json");
	}

	@Test
	void ifNoneMatchWithTheCurrentETagAnswers304() {
		this.api.put(this.pipelineObjects + "/k", "v1");
		String etag = this.api.get(this.pipelineObjects + "/k").header("ETag");
		Reply notModified = this.api.get(this.pipelineObjects + "/k", "If-None-Match", etag);
		assertThat(notModified.status()).isEqualTo(304);
		assertThat(notModified.bytes()).isEmpty();
		this.api.put(this.pipelineObjects + "/k", "v2");
		Reply changed = this.api.get(this.pipelineObjects + "/k", "If-None-Match", etag);
		assertThat(changed.status()).isEqualTo(200);
		assertThat(changed.text()).isEqualTo("v2");
	}

	@Test
	void listingIsOldestFirstAndFiltersOrdersAndLimits() {
		for (String key : List.of("deps-a", "other", "deps-b", "deps-c")) {
			this.api.put(this.pipelineObjects + "/" + key, key);
		}
		assertThat(keys(this.api.get(this.pipelineObjects))).containsExactly("deps-a", "other", "deps-b", "deps-c");
		assertThat(keys(this.api.get(this.pipelineObjects + "?prefix=deps-"))).containsExactly("deps-a", "deps-b",
				"deps-c");
		assertThat(keys(this.api.get(this.pipelineObjects + "?order=newest"))).containsExactly("deps-c", "deps-b",
				"other", "deps-a");
		// The freshest cache entry, as restore-keys finds it.
		assertThat(keys(this.api.get(this.pipelineObjects + "?prefix=deps-&order=newest&limit=1")))
			.containsExactly("deps-c");
		assertThat(keys(this.api.get(this.pipelineObjects + "?limit=2"))).containsExactly("deps-a", "other");
	}

	@Test
	void prefixIsLiteralNotAPattern() {
		this.api.put(this.pipelineObjects + "/a_b", "1");
		this.api.put(this.pipelineObjects + "/axb", "2");
		assertThat(keys(this.api.get(this.pipelineObjects + "?prefix=a_"))).containsExactly("a_b");
	}

	@Test
	void overwriteMakesAnObjectTheNewest() {
		this.api.put(this.pipelineObjects + "/first", "1");
		this.api.put(this.pipelineObjects + "/second", "2");
		this.api.put(this.pipelineObjects + "/first", "1 again");
		assertThat(keys(this.api.get(this.pipelineObjects))).containsExactly("second", "first");
	}

	@ParameterizedTest
	@ValueSource(strings = { "limit=0", "limit=-1", "limit=x", "order=sideways" })
	void badListingParametersAre400(String query) {
		Reply reply = this.api.get(this.pipelineObjects + "?" + query);
		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.header("Content-Type")).isEqualTo("application/problem+json");
	}

	@Test
	void bodyOverTheMaximumIs413AndKeepsTheEarlierValue() {
		this.api.put(this.pipelineObjects + "/k", "earlier");
		byte[] tooLarge = new byte[1024 * 1024 + 1];
		Reply refused = this.api.put(this.pipelineObjects + "/k", tooLarge);
		assertThat(refused.status()).isEqualTo(413);
		assertThat(refused.json().get("detail").asString()).contains("maximum object size");
		assertThat(this.api.get(this.pipelineObjects + "/k").text()).isEqualTo("earlier");
	}

	@Test
	void streamedBodyOverTheMaximumIs413AndStoresNothing() {
		Reply refused = this.api.stream("PUT", this.pipelineObjects + "/k",
				() -> new ByteArrayInputStream(new byte[2 * 1024 * 1024]));
		assertThat(refused.status()).isEqualTo(413);
		assertThat(this.api.get(this.pipelineObjects + "/k").status()).isEqualTo(404);
		assertThat(keys(this.api.get(this.pipelineObjects))).isEmpty();
	}

	@Test
	void bodyOfExactlyTheMaximumIsStored() {
		byte[] max = new byte[1024 * 1024];
		max[max.length - 1] = 7;
		assertThat(this.api.put(this.pipelineObjects + "/k", max).status()).isEqualTo(201);
		assertThat(this.api.get(this.pipelineObjects + "/k").bytes()).isEqualTo(max);
	}

	@Test
	void binaryContentSpanningSeveralChunksRoundTrips() {
		byte[] content = new byte[900_000];
		new Random(42).nextBytes(content);
		this.api.put(this.pipelineObjects + "/bin", content);
		assertThat(this.api.get(this.pipelineObjects + "/bin").bytes()).isEqualTo(content);
		Reply tail = this.api.get(this.pipelineObjects + "/bin", "Range", "bytes=899990-");
		assertThat(tail.bytes()).isEqualTo(Arrays.copyOfRange(content, 899_990, 900_000));
	}

	/**
	 * Objects below the inline threshold (16 KiB) keep their bytes in the catalog, larger
	 * ones in the engine: both sides of the boundary read back whole, in ranges and after
	 * replacing each other under one key.
	 */
	@Test
	void objectsOnBothSidesOfTheInlineThresholdRoundTrip() {
		String key = this.pipelineObjects + "/boundary";
		Random random = new Random(7);
		for (int size : new int[] { 16 * 1024 - 1, 16 * 1024, 1, 16 * 1024 + 1, 0, 100_000, 5 }) {
			byte[] content = new byte[size];
			random.nextBytes(content);
			Reply put = this.api.put(key, content, "Content-Type", "application/x-test");
			assertThat(put.status()).as(put.toString()).isIn(200, 201);
			Reply get = this.api.get(key);
			assertThat(get.bytes()).as("%d bytes", size).isEqualTo(content);
			assertThat(get.header("ETag")).isEqualTo("\"" + sha256(content) + "\"");
			assertThat(get.header("Content-Type")).isEqualTo("application/x-test");
			assertThat(this.api.head(key).header("Content-Length")).isEqualTo(String.valueOf(size));
			if (size > 2) {
				Reply range = this.api.get(key, "Range", "bytes=1-" + (size - 2));
				assertThat(range.status()).isEqualTo(206);
				assertThat(range.bytes()).isEqualTo(Arrays.copyOfRange(content, 1, size - 1));
			}
		}
		assertThat(this.api.get(this.pipelineObjects).json().at("/objects/0/size").asLong()).isEqualTo(5);
	}

	@Test
	void formEncodedBodyIsStoredAsIs() {
		// curl -d sends this content type; the body must not be parsed as a form.
		Reply created = this.api.post(this.pipelineObjects + "/form?force=true", "a=1&b=2", "Content-Type",
				"application/x-www-form-urlencoded");
		assertThat(created.status()).isEqualTo(201);
		assertThat(this.api.get(this.pipelineObjects + "/form").text()).isEqualTo("a=1&b=2");
	}

	@Test
	void uploadCutOffMidwayLeavesTheEarlierValue() throws Exception {
		this.api.put(this.pipelineObjects + "/k", "earlier");
		double failedBefore = failedUploads();
		try (Socket socket = new Socket("localhost", this.port)) {
			OutputStream out = socket.getOutputStream();
			out.write(("PUT " + this.pipelineObjects + "/k HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
					+ IntegrationTest.ADMIN_TOKEN + "\r\nContent-Length: 100000\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.write(new byte[40_000]);
			out.flush();
		}
		// The earlier value stays visible until, and after, the server has given the
		// cut-off upload up.
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			assertThat(this.api.get(this.pipelineObjects + "/k").text()).isEqualTo("earlier");
			assertThat(failedUploads()).isGreaterThan(failedBefore);
		});
		assertThat(this.api.get(this.pipelineObjects + "/k").text()).isEqualTo("earlier");
		assertThat(keys(this.api.get(this.pipelineObjects))).containsExactly("k");
	}

	@Test
	void gofersApiVersionHeaderIsAccepted() {
		assertThat(this.api.put(this.pipelineObjects + "/k", "v", "gofer-api-version", "v0").status()).isEqualTo(201);
	}

	private double failedUploads() {
		return PrometheusScrape.of(this.api)
			.value("gofer_upload_duration_seconds_count", "kind", "pipeline", "outcome", "failure");
	}

	static String sha256(String text) {
		return sha256(text.getBytes(StandardCharsets.UTF_8));
	}

	static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
