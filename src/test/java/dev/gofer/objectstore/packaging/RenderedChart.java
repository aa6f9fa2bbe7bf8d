package dev.gofer.objectstore.packaging;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import org.yaml.snakeyaml.Yaml;

/**
 * The manifests {@code helm template} renders for the chart, as plain maps, with a few
 * lookups.
 */
final class RenderedChart {

	static final Path CHART = Path.of("helm/gofer").toAbsolutePath();

	static final String RELEASE = "gofer";

	private final List<Map<String, Object>> manifests;

	private RenderedChart(List<Map<String, Object>> manifests) {
		this.manifests = manifests;
	}

	/**
	 * Renders the chart.
	 * @param valuesFile a file, relative to the chart (such as
	 * {@code ci/ha-values.yaml}), or null
	 * @param sets alternating {@code --set} keys and values
	 */
	static RenderedChart render(String valuesFile, Object... sets) {
		return parse(template(valuesFile, sets));
	}

	static String template(String valuesFile, Object... sets) {
		TemplateCommand template = new Helm(CHART).template().withName(RELEASE).withNamespace("ci");
		if (valuesFile != null) {
			template = template.withValuesFile(CHART.resolve(valuesFile));
		}
		for (int i = 0; i < sets.length; i += 2) {
			template = template.set((String) sets[i], sets[i + 1]);
		}
		return template.call();
	}

	@SuppressWarnings("unchecked")
	static RenderedChart parse(String yaml) {
		List<Map<String, Object>> manifests = new ArrayList<>();
		for (Object document : new Yaml().loadAll(yaml)) {
			if (document != null) {
				manifests.add((Map<String, Object>) document);
			}
		}
		return new RenderedChart(manifests);
	}

	List<Map<String, Object>> manifests() {
		return this.manifests;
	}

	List<String> kinds() {
		return this.manifests.stream().map(manifest -> (String) manifest.get("kind")).toList();
	}

	Map<String, Object> one(String kind) {
		List<Map<String, Object>> found = this.manifests.stream()
			.filter(manifest -> kind.equals(manifest.get("kind")))
			.toList();
		if (found.size() != 1) {
			throw new AssertionError("Expected one " + kind + ", rendered " + kinds());
		}
		return found.getFirst();
	}

	boolean has(String kind) {
		return kinds().contains(kind);
	}

	/**
	 * The value at a path of keys and list indexes, e.g.
	 * {@code at(deployment, "spec", "replicas")}.
	 */
	@SuppressWarnings("unchecked")
	static <T> T at(Object node, Object... path) {
		Object current = node;
		for (Object step : path) {
			if (current == null) {
				return null;
			}
			current = step instanceof Integer index ? ((List<Object>) current).get(index)
					: ((Map<String, Object>) current).get(step);
		}
		return (T) current;
	}

	Map<String, Object> container() {
		return at(one("Deployment"), "spec", "template", "spec", "containers", 0);
	}

	/**
	 * The container's environment as the pod would see it: the ConfigMap's entries, then
	 * the {@code env} entries, secrets resolved from the rendered Secret (or "secret"
	 * when the Secret is not part of the release).
	 */
	Map<String, String> environment() {
		Map<String, String> environment = new LinkedHashMap<>();
		Map<String, Object> configMapData = at(one("ConfigMap"), "data");
		configMapData.forEach((name, value) -> environment.put(name, String.valueOf(value)));
		List<Map<String, Object>> env = at(container(), "env");
		for (Map<String, Object> entry : env == null ? List.<Map<String, Object>>of() : env) {
			String name = (String) entry.get("name");
			if (entry.containsKey("value")) {
				environment.put(name, String.valueOf(entry.get("value")));
			}
			else {
				String key = at(entry, "valueFrom", "secretKeyRef", "key");
				environment.put(name, secret(key));
			}
		}
		return environment;
	}

	private String secret(String key) {
		if (!has("Secret")) {
			return "secret";
		}
		String encoded = at(one("Secret"), "data", key);
		return encoded == null ? "secret" : new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
	}

}
