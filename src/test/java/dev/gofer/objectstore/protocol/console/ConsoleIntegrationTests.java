package dev.gofer.objectstore.protocol.console;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.gofer.objectstore.support.ApiClient;
import dev.gofer.objectstore.support.ApiClient.Reply;
import dev.gofer.objectstore.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's files as the service serves them: without a token, from the jar, with a
 * Content-Security-Policy that allows no inline script or style, and apart from the API,
 * which still needs a token.
 */
class ConsoleIntegrationTests extends IntegrationTest {

	private static final Path SOURCES = Path.of("src/main/resources/console");

	@Test
	void theBarePathRedirectsToThePage() {
		Reply reply = anonymous().get("/console");
		assertThat(reply.status()).isEqualTo(302);
		assertThat(reply.header("Location")).isEqualTo("console/");
	}

	@Test
	void thePageLoadsWithoutATokenUnderAStrictPolicy() {
		Reply page = anonymous().get("/console/");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.header("Content-Type")).isEqualTo("text/html;charset=UTF-8");
		assertThat(page.header("Content-Security-Policy"))
			.contains("default-src 'self'", "script-src 'self'", "style-src 'self'", "frame-ancestors 'none'",
					"form-action 'none'")
			.doesNotContain("unsafe-inline", "unsafe-eval");
		assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(page.header("Referrer-Policy")).isEqualTo("no-referrer");
		assertThat(page.text()).contains("<script type=\"module\" src=\"js/main.js\"></script>");
	}

	@ParameterizedTest
	@ValueSource(strings = { "js/main.js", "js/views/pipeline.js", "console.css" })
	void itsFilesComeFromTheJarWithThePolicy(String file) {
		Reply reply = anonymous().get("/console/" + file);
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.header("Content-Type")).startsWith(file.endsWith(".js") ? "text/javascript" : "text/css");
		assertThat(reply.header("Content-Security-Policy")).isEqualTo(ConsoleHeadersFilter.POLICY);
		assertThat(reply.header("Cache-Control")).isEqualTo("no-cache");
	}

	@Test
	void aMissingFileIsAPlain404() {
		Reply reply = anonymous().get("/console/js/missing.js");
		assertThat(reply.status()).isEqualTo(404);
		assertThat(reply.header("Content-Security-Policy")).isEqualTo(ConsoleHeadersFilter.POLICY);
		assertThat(reply.text()).doesNotContain("Exception", "classpath");
	}

	@Test
	void theApiStillNeedsAToken() {
		assertThat(anonymous().get("/api/namespaces").status()).isEqualTo(401);
		assertThat(anonymous().get("/api/tokens/self").status()).isEqualTo(401);
	}

	@Test
	void noFileHasInlineScriptStyleOrMarkupFromStrings() throws IOException {
		Pattern forbidden = Pattern.compile(
				"<script(?![^>]*\\bsrc=)|\\sstyle=|\\son[a-z]+=|innerHTML|outerHTML|insertAdjacentHTML|document\\.write"
						+ "|\\beval\\(|new Function|localStorage\\.setItem|document\\.cookie\\s*=");
		try (Stream<Path> files = Files.walk(SOURCES)) {
			List<Path> sources = files.filter(Files::isRegularFile).toList();
			assertThat(sources).hasSizeGreaterThan(5);
			for (Path source : sources) {
				assertThat(forbidden.matcher(Files.readString(source)).find()).as(source.toString()).isFalse();
			}
		}
	}

	private ApiClient anonymous() {
		return this.api.withToken(null);
	}

}
