package dev.gofer.objectstore.protocol.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium, driven through Debian's chromedriver: one browser for a
 * whole test class. Chromium starts without the background services that would try to
 * reach the network (this machine has none) and with a fresh profile.
 */
final class Browser implements AutoCloseable {

	static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private static final Path SCREENSHOTS = Path.of("target/console-screenshots");

	private final Path profile;

	private final Path downloads;

	private final ChromeDriver driver;

	private final WebDriverWait wait;

	Browser() throws IOException {
		if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
			throw new IllegalStateException("The console's browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
					+ ": apt-get install chromium chromium-driver (as .ci/run does)");
		}
		this.profile = Files.createTempDirectory("gofer-chromium");
		this.downloads = Files.createTempDirectory("gofer-downloads");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--user-data-dir=" + this.profile, "--window-size=1280,900", "--lang=en-US");
		options.setExperimentalOption("prefs",
				Map.of("download.default_directory", this.downloads.toString(), "download.prompt_for_download", false));
		LoggingPreferences logs = new LoggingPreferences();
		logs.enable(LogType.BROWSER, Level.ALL);
		options.setCapability("goog:loggingPrefs", logs);
		// The driver is given, so Selenium Manager, which would download one, never runs.
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		this.driver = new ChromeDriver(service, options);
		this.driver.executeCdpCommand("Browser.setDownloadBehavior",
				Map.of("behavior", "allow", "downloadPath", this.downloads.toString()));
		// A page re-renders after each answer: an element read while it does is read
		// again.
		this.wait = new WebDriverWait(this.driver, Duration.ofSeconds(20));
		this.wait.ignoring(StaleElementReferenceException.class);
	}

	ChromeDriver driver() {
		return this.driver;
	}

	WebDriverWait waiting() {
		return this.wait;
	}

	void open(String url) {
		this.driver.get(url);
	}

	WebElement find(By by) {
		return this.wait.until(ExpectedConditions.visibilityOfElementLocated(by));
	}

	List<WebElement> all(By by) {
		return this.driver.findElements(by);
	}

	void click(By by) {
		this.wait.until(ExpectedConditions.elementToBeClickable(by)).click();
	}

	void type(By by, String text) {
		WebElement input = find(by);
		input.clear();
		input.sendKeys(text);
	}

	/** Waits until the page's text contains {@code text}. */
	void awaitText(String text) {
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), text));
	}

	Object script(String script, Object... args) {
		return ((JavascriptExecutor) this.driver).executeScript(script, args);
	}

	/**
	 * Saves a screenshot of the whole page, down to {@code maxHeight} CSS pixels, as
	 * {@code target/console-screenshots/<name>.png}.
	 */
	Path screenshot(String name, int maxHeight) {
		Map<String, Object> layout = this.driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
		Map<?, ?> content = (Map<?, ?>) layout.get("cssContentSize");
		double width = ((Number) content.get("width")).doubleValue();
		double height = Math.min(maxHeight, ((Number) content.get("height")).doubleValue());
		Map<String, Object> shot = this.driver.executeCdpCommand("Page.captureScreenshot",
				Map.of("format", "png", "captureBeyondViewport", true, "clip",
						Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
		try {
			Files.createDirectories(SCREENSHOTS);
			Path target = SCREENSHOTS.resolve(name + ".png");
			Files.write(target, Base64.getDecoder().decode((String) shot.get("data")));
			return target;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	Path screenshot(String name) {
		return screenshot(name, 3000);
	}

	/**
	 * The file of a finished download, once Chromium has renamed it from its partial
	 * name.
	 */
	Path downloaded(String fileName) {
		Path file = this.downloads.resolve(fileName);
		this.wait.until(
				driver -> Files.isRegularFile(file) && !Files.exists(this.downloads.resolve(fileName + ".crdownload")));
		return file;
	}

	/** The browser's console messages since the last call. */
	List<LogEntry> consoleMessages() {
		return this.driver.manage().logs().get(LogType.BROWSER).getAll();
	}

	@Override
	public void close() {
		this.driver.quit();
	}

}
