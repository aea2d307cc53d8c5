package org.onewindow.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real headless Chromium (Debian's chromium + chromium-driver, installed by .ci/run) for the
 * page tests, with screenshots under target/screenshots and the axe-core accessibility engine
 * (npm axe-core, fetched once into target/axe) injected on demand.
 */
public final class Browser implements AutoCloseable {

    /** A run of Chinese characters (what an English page must not show). */
    public static final Pattern HAN = Pattern.compile("\\p{IsHan}+");

    static final String AXE_VERSION = "4.14.1";
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Path AXE = Path.of("target", "axe", "node_modules", "axe-core", "axe.min.js");

    public final WebDriver driver;
    private final String base;

    public Browser(int port) {
        this(port, 1080, 1600);
    }

    /** A browser with a window of the given size (a phone: 390 × 844). */
    public Browser(int port, int width, int height) {
        Path chromium = Path.of("/usr/bin/chromium");
        Path chromedriver = Path.of("/usr/bin/chromedriver");
        if (!Files.isExecutable(chromium) || !Files.isExecutable(chromedriver)) {
            throw new IllegalStateException("browser tests need Debian's chromium and chromium-driver "
                    + "(apt-get install -y chromium chromium-driver; .ci/run does this)");
        }
        try {
            ChromeOptions options = new ChromeOptions();
            options.setBinary(chromium.toString());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--window-size=" + width + "," + height, "--lang=zh-CN",
                    "--user-data-dir=" + Files.createTempDirectory("ow-chromium"));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(chromedriver.toFile()).usingAnyFreePort().build();
            driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        base = "http://localhost:" + port;
    }

    /**
     * Loads a page and waits until it has replaced the one before. driver.get alone was seen (twice
     * in full CI runs, in PolicyConsoleBrowserTest) to return while the previous page was still
     * the document, so the next lookup read the old page.
     */
    public Browser open(String path) {
        WebElement page = driver.findElement(By.tagName("html"));
        driver.get(base + path);
        awaitReplaced(page);
        return this;
    }

    /** Clicks something that loads a new page and waits until the new page has replaced the old one. */
    public Browser clickAndWait(String css) {
        WebElement page = driver.findElement(By.tagName("html"));
        find(css).click();
        awaitReplaced(page);
        return this;
    }

    /** Types into a field and submits its form with Enter, waiting for the next page. */
    public Browser submit(String css, CharSequence text) {
        WebElement page = driver.findElement(By.tagName("html"));
        find(css).sendKeys(text, org.openqa.selenium.Keys.ENTER);
        awaitReplaced(page);
        return this;
    }

    /**
     * Waits until the old page's root element is gone. Chromium reports a node of an unloaded
     * document either as stale or, while the new one loads, as "does not belong to the document":
     * both mean the old page is gone.
     */
    private void awaitReplaced(WebElement page) {
        new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> {
            try {
                page.isEnabled();
                return false;
            } catch (org.openqa.selenium.StaleElementReferenceException gone) {
                return true;
            } catch (org.openqa.selenium.WebDriverException e) {
                if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                    return true;
                }
                throw e;
            }
        });
        // and the new page has finished loading
        new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(20)).until(d ->
                "complete".equals(((org.openqa.selenium.JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    public String text(String css) {
        return find(css).getText();
    }

    /**
     * The runs of Chinese characters a reader of an English page sees (the title included), leaving
     * out what is marked as Chinese on purpose ({@code lang="zh…"}, e.g. the language switch).
     */
    public List<String> untranslatedChinese() {
        String visible = (String) ((JavascriptExecutor) driver).executeScript("var c = document.documentElement.cloneNode(true);"
                + "c.querySelectorAll('[lang^=\"zh\"], script, style, noscript').forEach(function (e) { e.remove(); });"
                + "return document.title + '\\n' + c.textContent;");
        Matcher m = HAN.matcher(visible);
        List<String> chinese = new java.util.ArrayList<>();
        while (m.find()) {
            chinese.add(m.group());
        }
        return chinese;
    }

    public String path() {
        return driver.getCurrentUrl().substring(base.length());
    }

    public void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Serious and critical accessibility violations axe-core finds on the current page. */
    @SuppressWarnings("unchecked")
    public List<String> seriousViolations() {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript(axeScript());
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        Map<String, Object> results = (Map<String, Object>) js.executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                        + "axe.run(document, {resultTypes: ['violations']}).then(function (r) { done(r); })"
                        + ".catch(function (e) { done({error: String(e)}); });");
        if (results.containsKey("error")) {
            throw new IllegalStateException("axe failed: " + results.get("error"));
        }
        List<Map<String, Object>> violations = (List<Map<String, Object>>) results.get("violations");
        return violations.stream().filter(v -> "serious".equals(v.get("impact")) || "critical".equals(v.get("impact")))
                .map(v -> v.get("id") + " (" + v.get("impact") + "): " + v.get("help") + " — "
                        + ((List<Map<String, Object>>) v.get("nodes")).stream().map(n -> String.valueOf(n.get("target")))
                                .limit(3).toList())
                .toList();
    }

    private static synchronized String axeScript() {
        try {
            if (!Files.exists(AXE)) {
                Path dir = Path.of("target", "axe");
                Files.createDirectories(dir);
                // never the test JVM's own stdin or stdout: surefire talks to this JVM through them, and
                // node makes an inherited stdin non-blocking, so surefire's next read failed with EAGAIN
                // ("[SUREFIRE] std/in stream corrupted", the build failed with every test passed)
                Path log = dir.resolve("npm-install.log");
                Process npm = new ProcessBuilder("npm", "install", "--no-save", "--no-audit", "--no-fund",
                        "--prefix", dir.toString(), "axe-core@" + AXE_VERSION)
                        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
                if (!npm.waitFor(180, TimeUnit.SECONDS) || npm.exitValue() != 0) {
                    throw new IllegalStateException("npm install axe-core@" + AXE_VERSION + " failed:\n" + Files.readString(log));
                }
            }
            return Files.readString(AXE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
