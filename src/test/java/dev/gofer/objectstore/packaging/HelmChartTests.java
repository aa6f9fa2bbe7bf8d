package dev.gofer.objectstore.packaging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static dev.gofer.objectstore.packaging.RenderedChart.CHART;
import static dev.gofer.objectstore.packaging.RenderedChart.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * The Helm chart, through helm itself (helm-java): it lints, renders what a single node
 * and the HA set-up need, refuses what would break, and every manifest it renders fits
 * the Kubernetes API schemas.
 */
class HelmChartTests {

	@Test
	void lintPassesStrictly() {
		LintResult lint = new Helm(CHART).lint().strict().call();
		assertThat(lint.isFailed()).as(String.join("\n", lint.getMessages())).isFalse();
	}

	@Test
	void defaultsRunOneReplicaOnAVolumeWithRecreate() {
		RenderedChart chart = RenderedChart.render(null);
		Map<String, Object> deployment = chart.one("Deployment");
		assertThat((Integer) at(deployment, "spec", "replicas")).isEqualTo(1);
		assertThat((String) at(deployment, "spec", "strategy", "type")).isEqualTo("Recreate");
		// helm-java's template leaves out hooks, so the test-connection Pod is not among
		// them.
		assertThat(chart.kinds()).containsExactlyInAnyOrder("ServiceAccount", "ConfigMap", "PersistentVolumeClaim",
				"Service", "Deployment");
		String claim = at(chart.one("PersistentVolumeClaim"), "metadata", "name");
		assertThat(
				(String) at(deployment, "spec", "template", "spec", "volumes", 0, "persistentVolumeClaim", "claimName"))
			.isEqualTo(claim);
		assertThat(chart.environment()).containsEntry("GOFER_DATA_DIR", "/data")
			.containsEntry("GOFER_OBJECT_STORE_ENGINE", "database")
			.doesNotContainKey("SPRING_DATASOURCE_URL");
		// No token given: the service generates one into the volume, where it survives
		// restarts.
		assertThat(chart.environment()).doesNotContainKey("GOFER_AUTH_ADMIN_TOKEN");
		RenderedChart withToken = RenderedChart.render(null, "auth.adminToken", "s3cr3t-token");
		assertThat(withToken.environment()).containsEntry("GOFER_AUTH_ADMIN_TOKEN", "s3cr3t-token");
		assertThat((Map<String, String>) at(withToken.one("Secret"), "data")).containsOnlyKeys("admin-token");
	}

	@Test
	void theImageTagDefaultsToTheChartsAppVersionWhichIsTheProjectVersion() throws IOException {
		String appVersion = appVersion();
		assertThat(projectVersion()).startsWith(appVersion);
		RenderedChart chart = RenderedChart.render(null);
		assertThat((String) at(chart.container(), "image")).isEqualTo("gofer-object-store:" + appVersion);
		assertThat((String) at(RenderedChart.render(null, "image.tag", "1.2.3").container(), "image"))
			.isEqualTo("gofer-object-store:1.2.3");
	}

	@Test
	void probesUseTheActuatorGroupsOnTheHttpPort() {
		Map<String, Object> container = RenderedChart.render(null).container();
		assertThat((String) at(container, "ports", 0, "name")).isEqualTo("http");
		assertThat((Integer) at(container, "ports", 0, "containerPort")).isEqualTo(8080);
		assertThat((String) at(container, "livenessProbe", "httpGet", "path")).isEqualTo("/actuator/health/liveness");
		assertThat((String) at(container, "readinessProbe", "httpGet", "path")).isEqualTo("/actuator/health/readiness");
		assertThat((String) at(container, "startupProbe", "httpGet", "path")).isEqualTo("/actuator/health/liveness");
		for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
			assertThat((String) at(container, probe, "httpGet", "port")).isEqualTo("http");
		}
	}

	@Test
	void podsRunAsNonRootOnAReadOnlyRootWithAMemoryLimit(@TempDir Path temp) throws IOException {
		RenderedChart chart = RenderedChart.render(null);
		Map<String, Object> pod = at(chart.one("Deployment"), "spec", "template", "spec");
		assertThat((Boolean) at(pod, "securityContext", "runAsNonRoot")).isTrue();
		assertThat((Integer) at(pod, "securityContext", "runAsUser")).isEqualTo(10001);
		Map<String, Object> container = chart.container();
		assertThat((Boolean) at(container, "securityContext", "readOnlyRootFilesystem")).isTrue();
		assertThat((Boolean) at(container, "securityContext", "allowPrivilegeEscalation")).isFalse();
		assertThat((List<String>) at(container, "securityContext", "capabilities", "drop")).containsExactly("ALL");
		assertThat((String) at(container, "resources", "limits", "memory")).isEqualTo("1Gi");
		assertThat((List<Map<String, Object>>) at(container, "volumeMounts"))
			.extracting(mount -> mount.get("mountPath"))
			.containsExactlyInAnyOrder("/data", "/tmp");
		// null in a values file removes the default's key.
		Path noMemoryLimit = Files.writeString(temp.resolve("values.yaml"),
				"resources:\n  limits:\n    memory: null\n");
		assertThatException().isThrownBy(() -> RenderedChart.template(noMemoryLimit.toString()))
			.withMessageContaining("memory");
	}

	@Test
	void theGracePeriodOutlastsTheGracefulShutdown() {
		RenderedChart chart = RenderedChart.render(null, "shutdown.timeoutSeconds", 90);
		assertThat(chart.environment()).containsEntry("SPRING_LIFECYCLE_TIMEOUT_PER_SHUTDOWN_PHASE", "90s");
		int grace = at(chart.one("Deployment"), "spec", "template", "spec", "terminationGracePeriodSeconds");
		int preStop = Integer
			.parseInt(((List<String>) at(chart.container(), "lifecycle", "preStop", "exec", "command")).get(1));
		assertThat(grace).isGreaterThan(90 + preStop);
	}

	@Test
	void haValuesRunSeveralReplicasOnPostgresqlAndS3WithoutAVolume() {
		RenderedChart chart = RenderedChart.render("ci/ha-values.yaml");
		Map<String, Object> deployment = chart.one("Deployment");
		assertThat((Integer) at(deployment, "spec", "replicas")).isEqualTo(3);
		assertThat((String) at(deployment, "spec", "strategy", "type")).isEqualTo("RollingUpdate");
		assertThat(chart.has("PersistentVolumeClaim")).isFalse();
		assertThat((Map<String, Object>) at(deployment, "spec", "template", "spec", "volumes", 0, "emptyDir"))
			.isEmpty();
		assertThat(chart.environment()).containsEntry("GOFER_OBJECT_STORE_ENGINE", "s3")
			.containsEntry("SPRING_DATASOURCE_URL", "jdbc:postgresql://postgresql:5432/gofer")
			.containsEntry("SPRING_DATASOURCE_PASSWORD", "change-me")
			.containsEntry("GOFER_OBJECT_STORE_S3_BUCKET", "gofer")
			.containsEntry("GOFER_OBJECT_STORE_S3_SECRET_KEY", "change-me-too")
			.containsEntry("GOFER_AUTH_ADMIN_TOKEN", "change-me-admin-token")
			.containsEntry("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs");
		assertThat(chart.kinds()).contains("Ingress", "ServiceMonitor", "PodDisruptionBudget");
		Map<String, Object> endpoint = at(chart.one("ServiceMonitor"), "spec", "endpoints", 0);
		assertThat(endpoint).containsEntry("port", "http").containsEntry("path", "/actuator/prometheus");
		assertThat((Map<String, String>) at(chart.one("ServiceMonitor"), "spec", "selector", "matchLabels"))
			.isEqualTo(at(deployment, "spec", "selector", "matchLabels"));
		assertThat((String) at(chart.one("Ingress"), "spec", "rules", 0, "http", "paths", 0, "backend", "service",
				"port", "name"))
			.isEqualTo("http");
	}

	@Test
	void filesystemValuesKeepTheBytesOnTheVolume() {
		RenderedChart chart = RenderedChart.render("ci/filesystem-values.yaml");
		assertThat(chart.has("PersistentVolumeClaim")).isTrue();
		assertThat((String) at(chart.one("Deployment"), "spec", "strategy", "type")).isEqualTo("Recreate");
		assertThat(chart.environment()).containsEntry("GOFER_OBJECT_STORE_FILESYSTEM_PATH", "/data/objects")
			.containsEntry("GOFER_CATALOG_BUSY_TIMEOUT", "20s");
	}

	@Test
	void aPostgresqlCatalogWithTheDatabaseEngineNeedsNoVolumeButAToken() {
		assertThatException()
			.isThrownBy(() -> RenderedChart.template(null, "catalog.type", "postgresql", "catalog.postgresql.url",
					"jdbc:postgresql://db/gofer"))
			.withMessageContaining("set auth.adminToken or existingSecret");
		RenderedChart chart = RenderedChart.render(null, "catalog.type", "postgresql", "catalog.postgresql.url",
				"jdbc:postgresql://db/gofer", "auth.adminToken", "t");
		assertThat(chart.has("PersistentVolumeClaim")).isFalse();
		assertThat((Integer) at(chart.one("Deployment"), "spec", "replicas")).isEqualTo(1);
	}

	@Test
	void severalReplicasAreRefusedUnlessPostgresqlAndS3() {
		assertThatException().isThrownBy(() -> RenderedChart.template(null, "replicaCount", 2))
			.withMessageContaining("replicaCount=2 needs catalog.type=postgresql and engine=s3");
		assertThatException()
			.isThrownBy(() -> RenderedChart.template(null, "replicaCount", 2, "catalog.type", "postgresql",
					"catalog.postgresql.url", "jdbc:postgresql://db/gofer", "auth.adminToken", "t"))
			.withMessageContaining("needs catalog.type=postgresql and engine=s3");
		assertThatException()
			.isThrownBy(() -> RenderedChart.template(null, "replicaCount", 2, "engine", "s3", "s3.bucket", "b"))
			.withMessageContaining("needs catalog.type=postgresql and engine=s3");
		assertThatException().isThrownBy(() -> RenderedChart.template(null, "autoscaling.enabled", true))
			.withMessageContaining("autoscaling.enabled needs");
		assertThatNoException().isThrownBy(() -> RenderedChart.template("ci/ha-values.yaml", "replicaCount", 5));
	}

	@Test
	void incompleteOrUnknownSettingsAreRefused() {
		assertThatException().isThrownBy(() -> RenderedChart.template(null, "engine", "s3"))
			.withMessageContaining("engine=s3 needs s3.bucket");
		assertThatException()
			.isThrownBy(() -> RenderedChart.template(null, "catalog.type", "postgresql", "auth.adminToken", "t"))
			.withMessageContaining("needs catalog.postgresql.url");
		// values.schema.json
		assertThatException().isThrownBy(() -> RenderedChart.template(null, "engine", "tape"))
			.withMessageContaining("engine");
		assertThatException().isThrownBy(() -> RenderedChart.template(null, "objectStore.maxObjectSize", "lots"))
			.withMessageContaining("maxObjectSize");
		assertThatException().isThrownBy(() -> RenderedChart.template(null, "replicaCont", 2))
			.withMessageContaining("replicaCont");
	}

	@Test
	void anExistingSecretReplacesTheChartsSecret() {
		RenderedChart chart = RenderedChart.render("ci/ha-values.yaml", "existingSecret", "gofer-credentials");
		assertThat(chart.has("Secret")).isFalse();
		List<Map<String, Object>> env = at(chart.container(), "env");
		assertThat(env).extracting(entry -> (String) at(entry, "valueFrom", "secretKeyRef", "name"))
			.containsOnly("gofer-credentials");
		assertThat(env).extracting(entry -> (String) entry.get("name"))
			.containsExactlyInAnyOrder("GOFER_AUTH_ADMIN_TOKEN", "SPRING_DATASOURCE_PASSWORD",
					"GOFER_OBJECT_STORE_S3_ACCESS_KEY", "GOFER_OBJECT_STORE_S3_SECRET_KEY");
	}

	@ParameterizedTest
	@MethodSource("valueSets")
	void everyRenderedManifestFitsTheKubernetesSchemas(String valuesFile) {
		RenderedChart chart = RenderedChart.render(valuesFile);
		for (Map<String, Object> manifest : chart.manifests()) {
			assertThatNoException().as(manifest.get("kind") + " with " + valuesFile)
				.isThrownBy(() -> KubernetesSchemas.validate(manifest));
			assertThat((String) at(manifest, "metadata", "name")).hasSizeLessThanOrEqualTo(63);
		}
	}

	@Test
	void theSchemaCheckRejectsWhatKubernetesWould() {
		Map<String, Object> deployment = RenderedChart.render(null).one("Deployment");
		Map<String, Object> container = at(deployment, "spec", "template", "spec", "containers", 0);
		container.put("livenesProbe", container.remove("livenessProbe"));
		assertThatException().isThrownBy(() -> KubernetesSchemas.validate(deployment))
			.withMessageContaining("livenesProbe");
		container.put("livenessProbe", container.remove("livenesProbe"));
		container.remove("name");
		assertThatException().isThrownBy(() -> KubernetesSchemas.validate(deployment)).withMessageContaining("name");
		Map<String, Object> monitor = RenderedChart.render("ci/ha-values.yaml").one("ServiceMonitor");
		Map<String, Object> endpoint = at(monitor, "spec", "endpoints", 0);
		endpoint.put("scrapeEvery", "30s");
		assertThatException().isThrownBy(() -> KubernetesSchemas.validate(monitor))
			.withMessageContaining("scrapeEvery");
	}

	/** Default values and every chart-testing values file. */
	static Stream<String> valueSets() throws IOException {
		List<String> sets = new ArrayList<>();
		sets.add(null);
		try (Stream<Path> files = Files.list(CHART.resolve("ci"))) {
			files.map(file -> "ci/" + file.getFileName())
				.filter(name -> name.endsWith("-values.yaml"))
				.sorted()
				.forEach(sets::add);
		}
		assertThat(sets).contains("ci/ha-values.yaml");
		return sets.stream();
	}

	private static String appVersion() throws IOException {
		return match(Files.readString(CHART.resolve("Chart.yaml")), "(?m)^appVersion:\\s*\"?([^\"\\s]+)\"?");
	}

	private static String projectVersion() throws IOException {
		return match(Files.readString(Path.of("pom.xml")),
				"<artifactId>gofer-object-store</artifactId>\\s*<version>([^<]+)</version>");
	}

	private static String match(String text, String regex) {
		Matcher matcher = Pattern.compile(regex).matcher(text);
		assertThat(matcher.find()).as(regex).isTrue();
		return matcher.group(1);
	}

}
