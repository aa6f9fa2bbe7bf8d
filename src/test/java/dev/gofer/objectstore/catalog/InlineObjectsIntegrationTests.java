package dev.gofer.objectstore.catalog;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.gofer.objectstore.store.ObjectStore;
import dev.gofer.objectstore.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Objects below {@code gofer.object-store.inline-threshold} (16 KiB by default) live in
 * their catalog row: the engine never holds their bytes, and removing them leaves nothing
 * for the retention jobs to reclaim.
 */
class InlineObjectsIntegrationTests extends IntegrationTest {

	private static final int THRESHOLD = 16 * 1024;

	@Autowired
	ObjectStore store;

	@Autowired
	JdbcClient jdbc;

	@Test
	void smallObjectsStayOutOfTheEngineAndLargeOnesGoThere() {
		String pipelineId = unique("inline");
		String key = "/api/namespaces/default/pipelines/" + pipelineId + "/objects/k";
		Set<Long> before = engineBlobs();

		this.api.put(key, new byte[THRESHOLD - 1]);
		assertThat(engineBlobs()).as("an object just below the threshold").isEqualTo(before);
		assertThat(this.jdbc.sql("SELECT blob_id IS NULL FROM objects WHERE scope = :scope AND object_key = 'k'")
			.param("scope", "p/default/" + pipelineId)
			.query(Boolean.class)
			.single()).as("the catalog row holds the bytes").isTrue();

		this.api.put(key, new byte[THRESHOLD]);
		Set<Long> added = engineBlobs();
		added.removeAll(before);
		assertThat(added).as("an object of the threshold's size").hasSize(1);
		long blobId = added.iterator().next();
		assertThat(blobState(blobId)).isEqualTo("LIVE");

		this.api.put(key, "small again");
		assertThat(blobState(blobId)).as("the replaced value's bytes wait for the reclaim job").isEqualTo("GARBAGE");
		assertThat(this.api.get(key).text()).isEqualTo("small again");
	}

	@Test
	void evictingExpiringAndDeletingSmallObjectsLeavesNothingToReclaim() {
		String pipeline = "/api/namespaces/default/pipelines/" + unique("inline");
		this.api.patch(pipeline, "{\"object_limit\": 2, \"run_object_expiry\": 1}");
		long blobsBefore = this.jdbc.sql("SELECT count(*) FROM blobs").query(Long.class).single();
		for (int i = 0; i < 10; i++) {
			this.api.put(pipeline + "/objects/k" + i, "value " + i);
			this.api.put(pipeline + "/runs/" + (i + 1) + "/objects/r", "run " + i);
		}
		this.api.delete(pipeline + "/objects/k9");
		assertThat(this.api.get(pipeline).json().at("/pipeline/object_count").asLong()).isEqualTo(1);
		assertThat(this.api.get(pipeline + "/objects/k8").text()).isEqualTo("value 8");
		assertThat(this.api.get(pipeline + "/runs/10/objects/r").text()).isEqualTo("run 9");
		assertThat(this.api.get(pipeline + "/runs/9/objects/r").status()).isEqualTo(404);
		assertThat(this.jdbc.sql("SELECT count(*) FROM blobs").query(Long.class).single())
			.as("blob rows, of which the jobs would reclaim the garbage")
			.isEqualTo(blobsBefore);
	}

	private Set<Long> engineBlobs() {
		Set<Long> ids = new HashSet<>();
		this.store.forEachBlobId(ids::add);
		return ids;
	}

	private String blobState(long id) {
		return this.jdbc.sql("SELECT state FROM blobs WHERE id = :id").param("id", id).query(String.class).single();
	}

}
