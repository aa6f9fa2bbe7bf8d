package dev.gofer.objectstore.retention;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import dev.gofer.objectstore.GoferApplication;
import dev.gofer.objectstore.support.ApiClient;
import dev.gofer.objectstore.support.IntegrationTest;

import static dev.gofer.objectstore.support.Listings.keys;
import static org.assertj.core.api.Assertions.assertThat;

/** Lowered defaults in the configuration reach pipelines nobody writes to any more. */
class LimitEnforcementJobTests {

	private static final String PIPELINE = "/api/namespaces/default/pipelines/quiet";

	@Test
	void loweredDefaultsApplyAfterARestart(@TempDir Path dataDir) {
		try (ConfigurableApplicationContext before = start(dataDir, "--gofer.object-store.pipeline-object-limit=5",
				"--gofer.object-store.run-object-expiry=10")) {
			ApiClient api = api(before);
			for (String key : new String[] { "a", "b", "c", "d", "e" }) {
				api.put(PIPELINE + "/objects/" + key, key);
			}
			for (int run = 1; run <= 4; run++) {
				api.put(PIPELINE + "/runs/" + run + "/objects/k", "run " + run);
			}
		}
		try (ConfigurableApplicationContext after = start(dataDir, "--gofer.object-store.pipeline-object-limit=3",
				"--gofer.object-store.run-object-expiry=2")) {
			ApiClient api = api(after);
			assertThat(keys(api.get(PIPELINE + "/objects"))).hasSize(5);
			assertThat(after.getBean(LimitEnforcementJob.class).enforce(1)).isEqualTo(2);
			assertThat(keys(api.get(PIPELINE + "/objects"))).containsExactly("c", "d", "e");
			assertThat(api.get(PIPELINE + "/runs/2/objects/k").status()).isEqualTo(404);
			assertThat(api.get(PIPELINE + "/runs/3/objects/k").text()).isEqualTo("run 3");
			assertThat(after.getBean(LimitEnforcementJob.class).enforce(1)).as("nothing left to do").isZero();
		}
	}

	private static ConfigurableApplicationContext start(Path dataDir, String... args) {
		String[] all = new String[args.length + 4];
		System.arraycopy(args, 0, all, 0, args.length);
		all[args.length] = "--gofer.data-dir=" + dataDir;
		all[args.length + 1] = "--server.port=0";
		all[args.length + 2] = "--gofer.retention.enabled=false";
		all[args.length + 3] = "--gofer.auth.admin-token=" + IntegrationTest.ADMIN_TOKEN;
		return new SpringApplicationBuilder(GoferApplication.class).run(all);
	}

	private static ApiClient api(ConfigurableApplicationContext context) {
		return ApiClient.onPort(((WebServerApplicationContext) context).getWebServer().getPort());
	}

}
