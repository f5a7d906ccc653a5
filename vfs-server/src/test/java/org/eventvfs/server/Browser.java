package org.eventvfs.server;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium with a fresh profile, driven by Selenium through Debian's chromedriver: both
 * are named explicitly so that Selenium Manager never looks for (or downloads) a browser.
 */
final class Browser implements AutoCloseable {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** Where every page's screenshot goes, to be looked at after a run. */
    static final Path SCREENSHOTS = Path.of("target", "panel-screenshots");

    private final ChromeDriver driver;
    private final String origin;

    private Browser(ChromeDriver driver, String origin) {
        this.driver = driver;
        this.origin = origin;
    }

    /** A browser on {@code origin} (https://127.0.0.1:PORT) that saves downloads into {@code downloads}. */
    static Browser open(String origin, Path downloads) {
        require(CHROMIUM, "chromium");
        require(CHROMEDRIVER, "chromium-driver");
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                // --no-sandbox: the tests run as root in CI, where Chromium's sandbox refuses to start.
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1000",
                        "--lang=en-GB");
        // The admin port's certificate is the self-signed one the server made for itself.
        options.setAcceptInsecureCerts(true);
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        return new Browser(new ChromeDriver(service, options), origin);
    }

    private static void require(Path program, String debianPackage) {
        if (!Files.isExecutable(program)) {
            throw new AssertionError(program + " is not installed: apt-get install " + debianPackage
                    + " (.ci/run does)");
        }
    }

    void go(String path) {
        driver.get(origin + path);
    }

    String url() {
        return driver.getCurrentUrl();
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    /** The element once it is shown, waiting for the page's script to make it. */
    WebElement await(String css) {
        return new WebDriverWait(driver, Duration.ofSeconds(20))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    /** The element an XPath expression finds, once the page's script has made it. */
    WebElement xpath(String expression) {
        return new WebDriverWait(driver, Duration.ofSeconds(20))
                .until(ExpectedConditions.elementToBeClickable(By.xpath(expression)));
    }

    /** Waits until the element's text contains {@code text}, and returns the element. */
    WebElement awaitText(String css, String text) {
        new WebDriverWait(driver, Duration.ofSeconds(20))
                .until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
        return find(css);
    }

    /** The first button or link whose text is {@code text}, inside the element {@code css}. */
    WebElement control(String css, String text) {
        return new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> d.findElements(
                        By.cssSelector(css + " button, " + css + " a")).stream()
                .filter(e -> e.getText().strip().equals(text)).findFirst().orElse(null));
    }

    /** Answers OK to the page's confirm() dialog. */
    void confirm() {
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.alertIsPresent()).accept();
    }

    void choose(String css, String value) {
        new Select(find(css)).selectByValue(value);
    }

    void type(String css, String text) {
        WebElement field = find(css);
        field.clear();
        field.sendKeys(text);
    }

    /** A PNG of the whole window, {@code target/panel-screenshots/<page>.png}. */
    void screenshot(String page) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        File png = driver.getScreenshotAs(OutputType.FILE);
        Files.copy(png.toPath(), SCREENSHOTS.resolve(page + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
