package dev.gofer.objectstore.packaging;

import java.util.Map;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.google.gson.Gson;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1Ingress;
import io.kubernetes.client.openapi.models.V1PersistentVolumeClaim;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServiceAccount;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;

/**
 * Checks manifests against the Kubernetes API schemas, offline. The official Kubernetes
 * Java client's models are generated from the API's OpenAPI description, and each has a
 * validator from that schema: it rejects a field the schema does not define, a missing
 * required field and a value of the wrong type, at every level. The ServiceMonitor, a
 * prometheus-operator CRD, is read strictly into fabric8's model generated from that CRD:
 * any field the model lacks fails.
 */
final class KubernetesSchemas {

	private static final Gson GSON = new Gson();

	private static final ObjectMapper STRICT = new ObjectMapper()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
		.setAnnotationIntrospector(new JacksonAnnotationIntrospector() {

			// fabric8's models keep unknown fields in a map: without it, they are errors.
			@Override
			public Boolean hasAnySetter(Annotated annotated) {
				return false;
			}

		});

	private KubernetesSchemas() {
	}

	/**
	 * @throws RuntimeException naming what does not fit the schema
	 */
	static void validate(Map<String, Object> manifest) {
		String type = manifest.get("apiVersion") + " " + manifest.get("kind");
		if (type.equals("monitoring.coreos.com/v1 ServiceMonitor")) {
			STRICT.convertValue(manifest, ServiceMonitor.class);
			return;
		}
		Class<?> model = switch (type) {
			case "v1 ConfigMap" -> V1ConfigMap.class;
			case "v1 Secret" -> V1Secret.class;
			case "v1 Service" -> V1Service.class;
			case "v1 ServiceAccount" -> V1ServiceAccount.class;
			case "v1 PersistentVolumeClaim" -> V1PersistentVolumeClaim.class;
			case "v1 Pod" -> V1Pod.class;
			case "apps/v1 Deployment" -> V1Deployment.class;
			case "networking.k8s.io/v1 Ingress" -> V1Ingress.class;
			case "policy/v1 PodDisruptionBudget" -> V1PodDisruptionBudget.class;
			case "autoscaling/v2 HorizontalPodAutoscaler" -> V2HorizontalPodAutoscaler.class;
			default -> throw new IllegalArgumentException("No schema known for " + type + ": add it here");
		};
		// The client's Gson runs each model's validator, and parses quantities (memory:
		// 1Gi) and
		// int-or-string fields (ports) as the API server would.
		JSON.getGson().fromJson(GSON.toJsonTree(manifest), model);
	}

}
