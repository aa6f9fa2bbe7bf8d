package dev.gofer.objectstore.protocol.console;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import dev.gofer.objectstore.support.ApiClient;
import dev.gofer.objectstore.support.ApiClient.Reply;
import dev.gofer.objectstore.support.IntegrationTest;

import static dev.gofer.objectstore.support.Listings.keys;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web console in a real browser (headless Chromium) against the running service:
 * signing in, browsing, filtering, downloading, deleting, editing limits, managing
 * tokens, and a scoped token that is offered only what it may do. Screenshots of the main
 * pages go to {@code target/console-screenshots/}.
 */
class ConsoleBrowserIntegrationTests extends IntegrationTest {

	private static Browser browser;

	private final byte[] bundle = new byte[5000];

	private String namespace;

	@BeforeAll
	static void startBrowser() throws IOException {
		browser = new Browser();
	}

	@AfterAll
	static void stopBrowser() {
		if (browser != null) {
			browser.close();
		}
	}

	@BeforeEach
	void storeSomething() {
		this.namespace = unique("console");
		new Random(42).nextBytes(this.bundle);
		put("web-app", "index.html", "<h1>hello</h1>".getBytes(), "text/html");
		put("web-app", "bundle.bin", this.bundle, "application/octet-stream");
		for (String key : List.of("deps-a", "deps-b", "deps-c")) {
			put("web-app", key, ("cached " + key).getBytes(), "text/plain");
		}
		put("api-server", "image.tar", new byte[20_000], "application/x-tar");
		put("infra", "state", "{}".getBytes(), "application/json");
		this.api.put(pipeline("web-app") + "/runs/1/objects/log.txt", "run one", "Content-Type", "text/plain");
		this.api.post(pipeline("web-app") + "/runs", "");
	}

	@AfterEach
	void noPolicyViolationsNorScriptErrors() {
		List<String> problems = browser.consoleMessages()
			.stream()
			.map(LogEntry::getMessage)
			.filter(message -> message.contains("Content Security Policy") || message.contains("Uncaught")
					|| message.contains("TypeError") || message.contains("SyntaxError"))
			.toList();
		assertThat(problems).isEmpty();
	}

	@Test
	void signsInAndShowsWhatIsStored() {
		// A Bazel cache's miss, upload and hit, counted in gofer_cache_requests_total.
		String entry = "/cache/bazel/" + this.namespace + "/bazel-cache/ac/" + "0".repeat(64);
		assertThat(this.api.get(entry).status()).isEqualTo(404);
		assertThat(this.api.put(entry, "action result").status()).isIn(200, 201, 204);
		assertThat(this.api.get(entry).status()).isEqualTo(200);
		signOut();
		browser.open(this.api.baseUrl() + "/console");
		assertThat(browser.driver().getCurrentUrl()).endsWith("/console/");
		signIn(ADMIN_TOKEN);
		browser.awaitText("Signed in with the admin token");

		WebElement row = namespaceRow();
		assertThat(row.getText()).matches(this.namespace + "\\s+4\\s+8\\s+.*KiB");
		assertThat(browser.driver().getCurrentUrl()).doesNotContain(ADMIN_TOKEN);
		assertThat(browser.script("return document.cookie")).isEqualTo("");
		assertThat(browser.script("return sessionStorage.getItem('gofer.console.token')")).isEqualTo(ADMIN_TOKEN);
		assertThat(browser.script("return localStorage.length")).isEqualTo(0L);

		WebElement cache = browser.find(By.cssSelector("section.cache"));
		assertThat(cache.getText()).contains("bazel").containsPattern("bazel\\s+\\d+\\s+\\d+");
		browser.find(By.cssSelector("section.cache svg[role=img]"));
		browser.screenshot("namespaces");
	}

	@Test
	void browsesFiltersAndSortsPipelines() {
		signedIn(ADMIN_TOKEN);
		namespaceRow().findElement(By.tagName("a")).click();
		browser.awaitText("Namespace " + this.namespace);
		assertThat(pipelineIds()).containsExactly("api-server", "infra", "web-app");
		assertThat(browser.find(By.cssSelector("figure.chart-figure")).getText())
			.contains("Largest pipelines of " + this.namespace);

		new Select(browser.find(By.cssSelector("form.filters select"))).selectByValue("bytes");
		browser.click(By.cssSelector("form.filters button[type=submit]"));
		browser.waiting().until(driver -> pipelineIds().equals(List.of("api-server", "web-app", "infra")));
		browser.screenshot("pipelines");

		browser.type(By.cssSelector("form.filters input[type=search]"), "web");
		browser.click(By.cssSelector("form.filters button[type=submit]"));
		browser.waiting().until(driver -> pipelineIds().equals(List.of("web-app")));
		assertThat(browser.driver().getCurrentUrl()).contains("prefix=web").doesNotContain(ADMIN_TOKEN);
	}

	@Test
	void showsObjectsFiltersThemAndDownloadsTheirBytes() throws IOException {
		signedIn(ADMIN_TOKEN);
		openPipeline("web-app");
		assertThat(objectKeys()).containsExactlyInAnyOrder("index.html", "bundle.bin", "deps-a", "deps-b", "deps-c");
		WebElement bundleRow = objectRow("bundle.bin");
		assertThat(bundleRow.getText()).contains("4.9 KiB", "application/octet-stream", "ago");
		assertThat(bundleRow.findElement(By.cssSelector("code.etag")).getAttribute("title"))
			.isEqualTo(this.api.head(pipeline("web-app") + "/objects/bundle.bin").header("ETag"));
		assertThat(browser.find(By.cssSelector("dl.summary")).getText()).contains("5 of 50");
		assertThat(browser.find(By.cssSelector("section.runs")).getText()).contains("Run 2", "Run 1",
				"they expire when run 51 is registered");
		browser.screenshot("pipeline");
		browser.screenshot("readme", 900);

		objectRow("bundle.bin").findElement(By.xpath(".//button[text()='Download']")).click();
		assertThat(Files.readAllBytes(browser.downloaded("bundle.bin"))).isEqualTo(this.bundle);
		browser.awaitText("Downloaded bundle.bin (4.9 KiB)");

		browser.type(By.id("object-prefix"), "deps-");
		browser.click(By.cssSelector("section.objects form.filters button[type=submit]"));
		browser.waiting().until(driver -> objectKeys().size() == 3);
		assertThat(objectKeys()).containsExactlyInAnyOrder("deps-a", "deps-b", "deps-c");

		browser.click(By.linkText("Run 1"));
		browser.awaitText("Run 1 of web-app");
		browser.waiting().until(driver -> objectKeys().equals(List.of("log.txt")));
	}

	@Test
	void deletesOneObjectAndThenAllWithAPrefix() {
		signedIn(ADMIN_TOKEN);
		openPipeline("web-app");
		objectRow("index.html").findElement(By.xpath(".//button[text()='Delete']")).click();
		browser.click(By.xpath("//dialog//button[text()='Cancel']"));
		assertThat(this.api.get(pipeline("web-app") + "/objects/index.html").status()).isEqualTo(200);

		objectRow("index.html").findElement(By.xpath(".//button[text()='Delete']")).click();
		browser.click(By.id("confirm-button"));
		browser.awaitText("Deleted index.html.");
		browser.waiting().until(driver -> !objectKeys().contains("index.html"));
		assertThat(this.api.get(pipeline("web-app") + "/objects/index.html").status()).isEqualTo(404);

		browser.type(By.id("object-prefix"), "deps-");
		browser.click(By.cssSelector("section.objects form.filters button[type=submit]"));
		browser.waiting().until(driver -> objectKeys().size() == 3);
		browser.click(By.id("delete-prefix"));
		browser.find(By.cssSelector("dialog[open]"));
		browser.screenshot("delete-by-prefix");
		browser.click(By.id("confirm-button"));
		browser.awaitText("Deleted 3 objects whose key starts with deps-.");
		assertThat(keys(this.api.get(pipeline("web-app") + "/objects"))).containsExactly("bundle.bin");
	}

	@Test
	void editsALimit() {
		signedIn(ADMIN_TOKEN);
		openPipeline("infra");
		browser.type(By.name("object_limit"), "7");
		browser.type(By.name("byte_limit"), "1MB");
		new Select(browser.find(By.name("eviction"))).selectByValue("lru");
		browser.click(By.xpath("//button[text()='Save limits']"));
		browser.awaitText("Limits saved.");
		Reply pipeline = this.api.get(pipeline("infra"));
		assertThat(pipeline.json().get("pipeline").get("eviction").asString()).isEqualTo("lru");
		assertThat(pipeline.json().get("pipeline").get("object_limit").asInt()).isEqualTo(7);
		assertThat(pipeline.json().get("pipeline").get("byte_limit").asLong()).isEqualTo(1024 * 1024);
		browser.waiting()
			.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("dl.summary"), "1 of 7"));

		browser.type(By.name("byte_limit"), "");
		browser.click(By.xpath("//button[text()='Save limits']"));
		browser.waiting()
			.until(driver -> this.api.get(pipeline("infra")).json().get("pipeline").get("byte_limit").isNull());
	}

	@Test
	void createsAndRevokesATokenWhoseScopeHidesTheRest() {
		signedIn(ADMIN_TOKEN);
		browser.click(By.linkText("Tokens"));
		browser.awaitText("Create a token");
		browser.type(By.id("token-namespaces"), this.namespace);
		browser.type(By.id("token-pipelines"), "web-*");
		browser.type(By.id("token-description"), "console test");
		browser.click(By.id("create-token"));
		String secret = browser.find(By.id("new-secret")).getAttribute("value");
		assertThat(secret).startsWith("gofer_");
		browser.screenshot("tokens");
		ApiClient scoped = this.api.withToken(secret);
		assertThat(scoped.get(pipeline("web-app") + "/objects").status()).isEqualTo(200);

		signOut();
		signIn(secret);
		browser.awaitText("console test");
		assertThat(browser.driver().findElement(By.id("nav-tokens")).isDisplayed()).isFalse();
		assertThat(namespaceRow().getText()).as("only web-app is counted").startsWith(this.namespace + " 1 5 ");
		namespaceRow().findElement(By.tagName("a")).click();
		browser.waiting().until(driver -> pipelineIds().equals(List.of("web-app")));
		browser.click(By.linkText("web-app"));
		browser.waiting().until(driver -> objectKeys().size() == 5);
		assertThat(browser.all(By.xpath("//button[text()='Delete']"))).as("a read-only token deletes nothing")
			.isEmpty();
		assertThat(browser.all(By.xpath("//button[text()='Save limits']"))).isEmpty();
		assertThat(browser.all(By.xpath("//button[text()='Download']"))).hasSize(5);
		browser.screenshot("scoped-token");
		assertThat(scoped.delete(pipeline("web-app") + "/objects/deps-a").status()).as("the API refuses it too")
			.isEqualTo(403);
		browser.open(this.api.baseUrl() + "/console/#/namespaces/" + this.namespace + "/pipelines/infra");
		browser.awaitText("This token does not reach this pipeline.");

		signOut();
		signIn(ADMIN_TOKEN);
		browser.click(By.linkText("Tokens"));
		String id = secret.split("_")[1];
		browser.click(By.cssSelector("button[aria-label='Revoke token " + id + "']"));
		browser.click(By.id("confirm-button"));
		browser.awaitText("Revoked token " + id + ".");
		assertThat(scoped.get(pipeline("web-app") + "/objects").status()).isEqualTo(401);
	}

	private void signedIn(String token) {
		browser.open(this.api.baseUrl() + "/console/");
		if (!token.equals(browser.script("return sessionStorage.getItem('gofer.console.token')"))) {
			signOut();
			signIn(token);
		}
		browser.find(By.id("sign-out"));
	}

	private void signIn(String token) {
		browser.type(By.id("token"), token);
		browser.click(By.xpath("//button[text()='Sign in']"));
		browser.find(By.id("sign-out"));
	}

	private void signOut() {
		browser.open(this.api.baseUrl() + "/console/");
		browser.script("sessionStorage.clear()");
		browser.open(this.api.baseUrl() + "/console/");
		browser.find(By.id("token"));
	}

	private void openPipeline(String pipeline) {
		browser.open(this.api.baseUrl() + "/console/#/namespaces/" + this.namespace + "/pipelines/" + pipeline);
		browser.awaitText("Pipeline " + pipeline);
		browser.find(By.cssSelector("section.objects"));
	}

	private WebElement namespaceRow() {
		return browser.find(By.xpath("//tbody/tr[th//a[text()='" + this.namespace + "']]"));
	}

	private List<String> pipelineIds() {
		return browser.all(By.cssSelector("section.namespace tbody th a")).stream().map(WebElement::getText).toList();
	}

	private List<String> objectKeys() {
		return browser.all(By.cssSelector("section.objects tbody th code.key"))
			.stream()
			.map(WebElement::getText)
			.toList();
	}

	private WebElement objectRow(String key) {
		return browser.find(By.xpath("//section[contains(@class,'objects')]//tbody/tr[th/code[text()='" + key + "']]"));
	}

	private void put(String pipeline, String key, byte[] content, String contentType) {
		Reply reply = this.api.put(pipeline(pipeline) + "/objects/" + key, content, "Content-Type", contentType);
		assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
	}

	private String pipeline(String pipeline) {
		return "/api/namespaces/" + this.namespace + "/pipelines/" + pipeline;
	}

}
