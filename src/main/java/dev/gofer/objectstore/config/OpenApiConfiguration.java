package dev.gofer.objectstore.config;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the API description says about the service as a whole. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	@Bean
	OpenAPI goferOpenApi() {
		return new OpenAPI().info(new Info().title("Gofer Object Store")
			.version("v0")
			// OpenAPI 3.1 wants an SPDX identifier (or a URL) beside the name; validators
			// reject the spec without.
			.license(new License().name("Apache-2.0").identifier("Apache-2.0"))
			.description("""
					Objects shared between the containers and runs of CI/CD pipelines.

					Pipeline objects are kept until deleted, but a pipeline holds at most `object_limit` \
					of them (and at most `byte_limit` bytes, if set): a write that creates a new key in \
					a full pipeline evicts the oldest. Run objects belong to one run of a pipeline and \
					expire once the pipeline has registered `run_object_expiry` later runs. Extension \
					objects have neither limit.

					Object bodies are raw bytes. Every error is `application/problem+json` (RFC 9457), \
					with Gofer's error fields `message` and `request_id` beside `detail`."""));
	}

}
