package dev.gofer.objectstore.packaging;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Enumeration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.unit.DataSize;

import dev.gofer.objectstore.GoferApplication;
import dev.gofer.objectstore.auth.AuthProperties;
import dev.gofer.objectstore.cache.CacheProperties;
import dev.gofer.objectstore.catalog.Eviction;
import dev.gofer.objectstore.catalog.LastUseProperties;
import dev.gofer.objectstore.config.DataDirectoryProperties;
import dev.gofer.objectstore.config.MetricsProperties;
import dev.gofer.objectstore.retention.RetentionProperties;
import dev.gofer.objectstore.store.Engine;
import dev.gofer.objectstore.store.ObjectStoreProperties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every environment variable the chart gives the container is one the service reads: its
 * name maps, by Spring's own relaxed binding of the environment, onto a property of the
 * application's {@code @ConfigurationProperties} or of Spring Boot's documented ones, and
 * the values land in the application's property records as meant. A misspelt name would
 * be ignored silently by the service; here it fails.
 */
class HelmEnvironmentBindingTests {

	/** Read by the JVM itself, not by Spring. */
	private static final Set<String> NOT_SPRING = Set.of("JDK_JAVA_OPTIONS");

	private static final Set<String> PROPERTIES = knownProperties();

	// Spring Boot applies its environment-variable mapping to the source of this name
	// only, as in
	// a running application.
	private static final String ENVIRONMENT = StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME;

	@ParameterizedTest
	@MethodSource("dev.gofer.objectstore.packaging.HelmChartTests#valueSets")
	void everyRenderedVariableBindsToAProperty(String valuesFile) {
		Map<String, String> environment = RenderedChart.render(valuesFile).environment();
		for (String name : environment.keySet()) {
			if (!NOT_SPRING.contains(name)) {
				assertThat(propertyOf(name)).as("%s (from %s) binds to no property of the service", name, valuesFile)
					.isNotNull();
			}
		}
	}

	@Test
	void theHaValuesLandInTheServicesProperties() {
		Binder binder = binder(RenderedChart.render("ci/ha-values.yaml").environment());

		ObjectStoreProperties store = binder.bind("gofer.object-store", ObjectStoreProperties.class).get();
		assertThat(store.engine()).isEqualTo(Engine.S3);
		assertThat(store.s3().bucket()).isEqualTo("gofer");
		assertThat(store.s3().endpoint()).hasToString("http://minio:9000");
		assertThat(store.s3().prefix()).isEqualTo("objects/");
		assertThat(store.s3().pathStyle()).isTrue();
		assertThat(store.s3().accessKey()).isEqualTo("gofer");
		assertThat(store.s3().secretKey()).isEqualTo("change-me-too");
		assertThat(store.pipelineObjectLimit()).isEqualTo(100);
		assertThat(store.runObjectExpiry()).isEqualTo(20);
		assertThat(store.pipelineByteLimit()).isEqualTo(DataSize.ofGigabytes(20));
		assertThat(store.maxObjectSize()).isEqualTo(DataSize.ofGigabytes(10));
		assertThat(store.inlineThreshold()).isEqualTo(DataSize.ofKilobytes(64));

		RetentionProperties retention = binder.bind("gofer.retention", RetentionProperties.class).get();
		assertThat(retention.reclaimDelay()).isEqualTo(Duration.ofMinutes(5));
		assertThat(retention.sweepInterval()).isEqualTo(Duration.ofHours(6));
		assertThat(retention.instanceLease()).isEqualTo(Duration.ofMinutes(2));
		assertThat(retention.batchSize()).isEqualTo(1000);

		CacheProperties cache = binder.bind("gofer.cache", CacheProperties.class).get();
		assertThat(cache.objectLimit()).isEqualTo(500_000);
		assertThat(cache.byteLimit()).isEqualTo(DataSize.ofGigabytes(200));
		assertThat(cache.eviction()).isEqualTo(Eviction.LRU);
		assertThat(binder.bind("gofer.catalog.last-use", LastUseProperties.class).get().flushInterval())
			.isEqualTo(Duration.ofSeconds(30));

		AuthProperties auth = binder.bind("gofer.auth", AuthProperties.class).get();
		assertThat(auth.tokenCacheTtl()).isEqualTo(Duration.ofSeconds(5));
		assertThat(auth.enabled()).isTrue();
		assertThat(auth.adminToken()).isEqualTo("change-me-admin-token");
		assertThat(binder.bind("gofer", DataDirectoryProperties.class).get().dataDir()).isEqualTo(Path.of("/data"));
		assertThat(binder.bind("gofer.metrics", MetricsProperties.class).get().usageRefresh())
			.isEqualTo(Duration.ofMinutes(2));

		assertThat(binder.bind("spring.datasource.url", String.class).get())
			.isEqualTo("jdbc:postgresql://postgresql:5432/gofer");
		assertThat(binder.bind("spring.datasource.password", String.class).get()).isEqualTo("change-me");
		assertThat(binder.bind("spring.lifecycle.timeout-per-shutdown-phase", Duration.class).get())
			.isEqualTo(Duration.ofSeconds(60));
		assertThat(binder.bind("logging.structured.format.console", String.class).get()).isEqualTo("ecs");
		assertThat(binder.bind("server.port", Integer.class).get()).isEqualTo(8080);
	}

	@Test
	void aMisspeltVariableIsCaught() {
		assertThat(propertyOf("GOFER_OBJECT_STORE_ENGINE")).isEqualTo("gofer.object-store.engine");
		assertThat(propertyOf("GOFER_OBJECT_STORE_S3_PATH_STYLE")).isEqualTo("gofer.object-store.s3.path-style");
		assertThat(propertyOf("SPRING_LIFECYCLE_TIMEOUT_PER_SHUTDOWN_PHASE"))
			.isEqualTo("spring.lifecycle.timeout-per-shutdown-phase");
		assertThat(propertyOf("GOFER_OBJECTSTORE_ENGINE_TYPE")).isNull();
		assertThat(propertyOf("GOFER_RETENTION_RECLAIM_INTERVALS")).isNull();
	}

	/**
	 * The property an environment variable sets, by Spring's relaxed binding; null for
	 * none.
	 */
	private static String propertyOf(String variable) {
		ConfigurationPropertySource source = ConfigurationPropertySource
			.from(new SystemEnvironmentPropertySource(ENVIRONMENT, Map.of(variable, "x")));
		return PROPERTIES.stream()
			.filter(property -> source.getConfigurationProperty(ConfigurationPropertyName.of(property)) != null)
			.findFirst()
			.orElse(null);
	}

	private static Binder binder(Map<String, String> environment) {
		MutablePropertySources sources = new MutablePropertySources();
		sources.addFirst(new SystemEnvironmentPropertySource(ENVIRONMENT, Map.copyOf(environment)));
		return new Binder(ConfigurationPropertySources.from(sources), null,
				ApplicationConversionService.getSharedInstance());
	}

	/**
	 * The application's properties, from its {@code @ConfigurationProperties} records,
	 * and Spring Boot's, from the configuration metadata its jars ship.
	 */
	private static Set<String> knownProperties() {
		Set<String> properties = new TreeSet<>();
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
		for (BeanDefinition candidate : scanner.findCandidateComponents(GoferApplication.class.getPackageName())) {
			try {
				Class<?> type = Class.forName(candidate.getBeanClassName());
				addRecord(properties, type.getAnnotation(ConfigurationProperties.class).value(), type);
			}
			catch (ClassNotFoundException ex) {
				throw new IllegalStateException(ex);
			}
		}
		assertThat(properties).contains("gofer.object-store.engine", "gofer.retention.batch-size", "gofer.data-dir");
		try {
			Enumeration<URL> metadata = HelmEnvironmentBindingTests.class.getClassLoader()
				.getResources("META-INF/spring-configuration-metadata.json");
			JsonMapper json = JsonMapper.builder().build();
			while (metadata.hasMoreElements()) {
				try (InputStream in = metadata.nextElement().openStream()) {
					JsonNode root = json.readTree(in);
					root.path("properties").forEach(property -> properties.add(property.path("name").asString()));
				}
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		assertThat(properties).contains("server.port", "spring.datasource.url", "logging.structured.format.console");
		return properties;
	}

	private static void addRecord(Set<String> properties, String prefix, Class<?> type) {
		for (RecordComponent component : type.getRecordComponents()) {
			String name = prefix + "." + kebab(component.getName());
			if (component.getType().isRecord()) {
				addRecord(properties, name, component.getType());
			}
			else {
				properties.add(name);
			}
		}
	}

	private static String kebab(String camel) {
		return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
	}

}
