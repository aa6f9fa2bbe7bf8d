package dev.gofer.bench.console;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The operator API on a large catalog. {@code fill DB} writes pipelines and objects
 * straight into a SQLite catalog that the service's migrations created (far faster than a
 * million uploads); {@code measure URL TOKEN} times the listings and a delete by prefix
 * against the service running on it. Run by bench/console/run.sh.
 */
final class ConsoleBench {

	/**
	 * Namespaces and their share of the pipelines: one large namespace and three small
	 * ones.
	 */
	private static final String BIG = "ns-big";

	private static final String[] SMALL = { "ns-a", "ns-b", "ns-c" };

	private static final String BULK = "bulk";

	private static final Pattern DELETED = Pattern.compile("\"deleted\":(\\d+)");

	record Options(int pipelines, int objectsPerPipeline, int bulk, int reps) {

		static Options parse(String[] args, int from) {
			int pipelines = 10_000;
			int perPipeline = 100;
			int bulk = 100_000;
			int reps = 30;
			for (int i = from; i < args.length; i += 2) {
				int value = Integer.parseInt(args[i + 1]);
				switch (args[i]) {
					case "--pipelines" -> pipelines = value;
					case "--objects-per-pipeline" -> perPipeline = value;
					case "--bulk" -> bulk = value;
					case "--reps" -> reps = value;
					default -> throw new IllegalArgumentException("unknown option " + args[i]);
				}
			}
			return new Options(pipelines, perPipeline, bulk, reps);
		}

		int bigPipelines() {
			return this.pipelines - SMALL.length * (this.pipelines / 10);
		}

	}

	public static void main(String[] args) throws Exception {
		switch (args[0]) {
			case "fill" -> fill(args[1], Options.parse(args, 2));
			case "measure" -> measure(args[1], args[2], Options.parse(args, 3));
			default -> throw new IllegalArgumentException("fill DB [options] | measure URL TOKEN [options]");
		}
	}

	// ---- fill
	// -------------------------------------------------------------------------------

	private static void fill(String db, Options options) throws Exception {
		long start = System.nanoTime();
		Random random = new Random(20);
		MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
		long now = System.currentTimeMillis();
		long objects = 0;
		try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db)) {
			try (Statement statement = connection.createStatement()) {
				// Only this process writes, and a crash means filling again.
				statement.execute("PRAGMA synchronous = OFF");
			}
			connection.setAutoCommit(false);
			try (PreparedStatement pipeline = connection.prepareStatement("""
					INSERT INTO pipelines (namespace_id, pipeline_id, object_limit, object_count, bytes)
					VALUES (?, ?, ?, ?, ?) RETURNING id"""); PreparedStatement object = connection.prepareStatement("""
					INSERT INTO objects (scope, pipeline_ref, object_key, size, sha256, content_type, created,
					                     last_used, content)
					VALUES (?, ?, ?, ?, ?, 'application/octet-stream', ?6, ?6, ?7)""")) {
				List<String[]> names = new ArrayList<>();
				for (int i = 0; i < options.bigPipelines(); i++) {
					names.add(new String[] { BIG, "p-%05d".formatted(i) });
				}
				for (String namespace : SMALL) {
					for (int i = 0; i < options.pipelines() / 10; i++) {
						names.add(new String[] { namespace, "p-%05d".formatted(i) });
					}
				}
				for (String[] name : names) {
					objects += insertPipeline(pipeline, object, name[0], name[1], "k-%05d",
							options.objectsPerPipeline(), random, sha256, now);
				}
				objects += insertPipeline(pipeline, object, BIG, BULK, "cache-%07d", options.bulk(), random, sha256,
						now);
			}
			connection.commit();
			connection.setAutoCommit(true);
			try (Statement statement = connection.createStatement()) {
				statement.execute("ANALYZE");
			}
			System.err.printf(Locale.ROOT, "bench: %,d pipelines and %,d objects written in %.0f s%n",
					options.pipelines() + 1, objects, (System.nanoTime() - start) / 1e9);
			printPlans(connection);
		}
	}

	private static long insertPipeline(PreparedStatement pipeline, PreparedStatement object, String namespace,
			String id, String keyFormat, int count, Random random, MessageDigest sha256, long now) throws Exception {
		byte[][] contents = new byte[count][];
		long bytes = 0;
		for (int i = 0; i < count; i++) {
			contents[i] = new byte[1 + random.nextInt(256)];
			random.nextBytes(contents[i]);
			bytes += contents[i].length;
		}
		pipeline.setString(1, namespace);
		pipeline.setString(2, id);
		pipeline.setInt(3, Math.max(count, 50));
		pipeline.setLong(4, count);
		pipeline.setLong(5, bytes);
		long ref;
		try (ResultSet rs = pipeline.executeQuery()) {
			rs.next();
			ref = rs.getLong(1);
		}
		for (int i = 0; i < count; i++) {
			object.setString(1, "p/" + namespace + "/" + id);
			object.setLong(2, ref);
			object.setString(3, keyFormat.formatted(i));
			object.setLong(4, contents[i].length);
			object.setString(5, HexFormat.of().formatHex(sha256.digest(contents[i])));
			object.setLong(6, now - (long) random.nextInt(30 * 86400) * 1000);
			object.setBytes(7, contents[i]);
			object.addBatch();
		}
		object.executeBatch();
		return count;
	}

	/** SQLite's plans for the listings' queries, to see which index each uses. */
	private static void printPlans(Connection connection) throws Exception {
		String columns = "id, namespace_id, pipeline_id, object_limit, byte_limit, run_object_expiry, latest_run_id, "
				+ "expired_through, object_count, bytes";
		String[][] queries = {
				{ "namespaces",
						"SELECT namespace_id, count(*), coalesce(sum(object_count), 0), coalesce(sum(bytes), 0) "
								+ "FROM pipelines GROUP BY namespace_id ORDER BY namespace_id" },
				{ "usage (scoped)",
						"SELECT namespace_id, pipeline_id, object_count, bytes FROM pipelines "
								+ "ORDER BY namespace_id" },
				{ "pipelines by id",
						"SELECT " + columns + " FROM pipelines WHERE namespace_id = 'ns-big' "
								+ "ORDER BY pipeline_id LIMIT 50" },
				{ "pipelines by bytes",
						"SELECT " + columns + " FROM pipelines WHERE namespace_id = 'ns-big' "
								+ "ORDER BY bytes DESC, pipeline_id LIMIT 50" },
				{ "pipelines by prefix", "SELECT " + columns + " FROM pipelines WHERE namespace_id = 'ns-big' "
						+ "AND pipeline_id >= 'p-0001' AND pipeline_id < 'p-0001~' ORDER BY pipeline_id LIMIT 50" },
				{ "objects by prefix", "SELECT id, object_key FROM objects WHERE scope = 'p/ns-big/bulk' "
						+ "AND object_key >= 'cache-' AND object_key < 'cache-~' ORDER BY object_key LIMIT 500" } };
		System.out.println("SQLite query plans:");
		try (Statement statement = connection.createStatement()) {
			for (String[] query : queries) {
				try (ResultSet plan = statement.executeQuery("EXPLAIN QUERY PLAN " + query[1])) {
					List<String> steps = new ArrayList<>();
					while (plan.next()) {
						steps.add(plan.getString("detail"));
					}
					System.out.printf("  %-20s %s%n", query[0], String.join("; ", steps));
				}
			}
		}
	}

	// ---- measure
	// ----------------------------------------------------------------------------

	private static void measure(String url, String adminToken, Options options) throws Exception {
		HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		Api admin = new Api(http, url, adminToken);
		String scopedToken = admin
			.createToken("{\"namespaces\":[\"*\"],\"pipelines\":[\"p-000*\"],\"actions\":[\"read\"]}");
		Api scoped = new Api(http, url, scopedToken);
		String big = "/api/namespaces/" + BIG + "/pipelines";
		System.out.printf(Locale.ROOT, "catalog: %,d pipelines (%,d in %s), %,d objects each, %,d in %s/%s%n",
				options.pipelines() + 1, options.bigPipelines() + 1, BIG, options.objectsPerPipeline(), options.bulk(),
				BIG, BULK);
		System.out.println();
		System.out.println("| request | token | median ms | p90 ms | answer |");
		System.out.println("|---|---|---:|---:|---|");
		int reps = options.reps();
		row(admin, "admin", "GET /api/namespaces", "/api/namespaces", reps);
		row(scoped, "scoped", "GET /api/namespaces", "/api/namespaces", reps);
		row(admin, "admin", "GET …/pipelines?limit=50", big + "?limit=50", reps);
		row(admin, "admin", "GET …/pipelines?sort=bytes&limit=50", big + "?sort=bytes&limit=50", reps);
		row(admin, "admin", "GET …/pipelines?prefix=p-0001&limit=50", big + "?prefix=p-0001&limit=50", reps);
		row(scoped, "scoped", "GET …/pipelines?sort=bytes&limit=50", big + "?sort=bytes&limit=50", reps);
		row(admin, "admin", "GET …/pipelines (all of " + BIG + ")", big, Math.max(3, reps / 5));
		row(admin, "admin", "GET …/objects?limit=50 (for comparison)", big + "/p-00001/objects?limit=50", reps);
		System.out.println();
		bulkDelete(admin, options);
	}

	private static void row(Api api, String who, String label, String path, int reps) throws Exception {
		for (int i = 0; i < Math.max(5, reps / 3); i++) {
			api.get(path);
		}
		double[] ms = new double[reps];
		String body = "";
		for (int i = 0; i < reps; i++) {
			long start = System.nanoTime();
			body = api.get(path);
			ms[i] = (System.nanoTime() - start) / 1e6;
		}
		Arrays.sort(ms);
		System.out.printf(Locale.ROOT, "| %s | %s | %.1f | %.1f | %,d items, %,d bytes |%n", label, who, ms[reps / 2],
				ms[(int) Math.ceil(reps * 0.9) - 1], count(body), body.length());
	}

	/** How many items a listing holds: pipelines, else objects, else namespaces. */
	private static int count(String body) {
		for (String field : new String[] { "pipeline_id", "key", "namespace_id" }) {
			int items = (int) Pattern.compile("\"" + field + "\":").matcher(body).results().count();
			if (items > 0) {
				return items;
			}
		}
		return 0;
	}

	/**
	 * Deletes the bulk pipeline's objects by prefix while one writer stores small objects
	 * in another pipeline, one after the other: the writer's longest wait shows how long
	 * the delete held the write lock at a stretch.
	 */
	private static void bulkDelete(Api admin, Options options) throws Exception {
		String writerPath = "/api/namespaces/ns-a/pipelines/writer/objects/";
		for (int i = 0; i < 50; i++) {
			admin.put(writerPath + "warm-" + i);
		}
		List<Double> waits = new ArrayList<>();
		AtomicBoolean deleting = new AtomicBoolean(true);
		Thread writer = Thread.ofPlatform().start(() -> {
			int n = 0;
			// Bounded: at most a minute and 100,000 writes, whatever happens to the
			// delete.
			long end = System.nanoTime() + Duration.ofMinutes(1).toNanos();
			while (deleting.get() && System.nanoTime() < end && n < 100_000) {
				long start = System.nanoTime();
				try {
					admin.put(writerPath + "w-" + (n++ % 40));
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
				waits.add((System.nanoTime() - start) / 1e6);
			}
		});
		long start = System.nanoTime();
		String answer = admin.delete("/api/namespaces/" + BIG + "/pipelines/" + BULK + "/objects?prefix=cache-");
		double seconds = (System.nanoTime() - start) / 1e9;
		deleting.set(false);
		writer.join();
		Matcher deleted = DELETED.matcher(answer);
		long count = deleted.find() ? Long.parseLong(deleted.group(1)) : -1;
		double[] sorted = waits.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		System.out.printf(Locale.ROOT, "DELETE …/%s/objects?prefix=cache-: %,d objects in %.2f s (%,.0f objects/s)%n",
				BULK, count, seconds, count / seconds);
		if (sorted.length > 0) {
			System.out.printf(Locale.ROOT,
					"a writer beside it: %,d PUTs of small objects meanwhile, median %.1f ms, p99 %.1f ms, "
							+ "longest %.1f ms%n",
					sorted.length, sorted[sorted.length / 2], sorted[(int) Math.ceil(sorted.length * 0.99) - 1],
					sorted[sorted.length - 1]);
		}
		String summary = admin.get("/api/namespaces/" + BIG + "/pipelines/" + BULK);
		System.out.println("the pipeline afterwards: " + summary.replaceAll("^\\{\"pipeline\":|}$", ""));
	}

	record Api(HttpClient http, String url, String token) {

		String get(String path) throws Exception {
			return send(HttpRequest.newBuilder(URI.create(this.url + path)).GET());
		}

		String put(String path) throws Exception {
			return send(
					HttpRequest.newBuilder(URI.create(this.url + path)).PUT(HttpRequest.BodyPublishers.ofString("v")));
		}

		String delete(String path) throws Exception {
			return send(HttpRequest.newBuilder(URI.create(this.url + path)).DELETE());
		}

		String createToken(String json) throws Exception {
			String body = send(HttpRequest.newBuilder(URI.create(this.url + "/api/tokens"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(json)));
			Matcher secret = Pattern.compile("\"secret\":\"([^\"]+)\"").matcher(body);
			if (!secret.find()) {
				throw new IllegalStateException("no secret in " + body);
			}
			return secret.group(1);
		}

		private String send(HttpRequest.Builder request) throws Exception {
			HttpResponse<String> response = this.http.send(
					request.header("Authorization", "Bearer " + this.token).timeout(Duration.ofMinutes(10)).build(),
					HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() / 100 != 2) {
				throw new IllegalStateException(response.request().method() + " " + response.request().uri() + " -> "
						+ response.statusCode() + " " + response.body());
			}
			return response.body();
		}

	}

}
