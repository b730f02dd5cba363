package health.citadel.app.it;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * Debian's Chromium, headless, driven by its chromedriver with nothing downloaded (SE_OFFLINE), in a profile of its
 * own. It trusts exactly the stack's certificate (by its public key) and keeps the console for CSP checks.
 */
final class Browser implements AutoCloseable {

    private static final Path SCREENSHOTS = Path.of("target", "portal-screenshots");
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final Path profile;
    private final ChromeDriver driver;

    Browser() {
        try {
            profile = Files.createTempDirectory("citadel-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1280,800", "--user-data-dir=" + profile,
                "--ignore-certificate-errors-spki-list=" + stackCertificateKey());
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
    }

    ChromeDriver driver() {
        return driver;
    }

    void open(String url) {
        driver.get(url);
    }

    /** Waits until the page shows an element, then returns it. */
    org.openqa.selenium.WebElement await(By what) {
        try {
            org.awaitility.Awaitility.await().atMost(PATIENCE).ignoreExceptions()
                    .until(() -> !driver.findElements(what).isEmpty());
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            screenshot("timed-out");
            throw new AssertionError("no " + what + " on " + driver.getTitle() + " (screenshot timed-out.png)", e);
        }
        return driver.findElement(what);
    }

    /**
     * Keycloak's real login page: the password, then, for staff, the code of their authenticator. A step-up asks
     * on the same page, with the name perhaps filled in already.
     */
    void logIn(Stack.DemoLogin login) {
        org.openqa.selenium.WebElement password = await(By.id("password"));
        // a step-up's page shows the name as text, read-only, with no field to fill in
        for (org.openqa.selenium.WebElement username : driver.findElements(By.id("username"))) {
            username.clear();
            username.sendKeys(login.username());
        }
        password.sendKeys(login.password());
        driver.findElement(By.id("kc-login")).click();
        if (login.totpSecret() != null) {
            await(By.id("otp")).sendKeys(Tokens.spendCode(login));
            driver.findElement(By.id("kc-login")).click();
        }
    }

    /** Keeps a screenshot of the page as {@code target/portal-screenshots/<name>.png}. */
    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOTS.resolve(name + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Checks the page shown as every portal page must be: no CSP violation in the console, no serious or critical
     * WCAG 2.2 AA violation found by axe-core, and nothing wider than a 768 px tablet's screen. Keeps screenshots
     * at both widths ({@code <name>.png}, {@code <name>-768.png}).
     */
    void inspect(String name) {
        screenshot(name);
        List<String> csp = cspViolations();
        if (!csp.isEmpty()) {
            throw new AssertionError(name + ": CSP violations " + csp);
        }
        List<String> inaccessible = new com.deque.html.axecore.selenium.AxeBuilder()
                .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa")).analyze(driver)
                .getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .map(rule -> rule.getId() + " at " + rule.getNodes().stream()
                        .map(node -> String.valueOf(node.getTarget())).toList())
                .toList();
        if (!inaccessible.isEmpty()) {
            throw new AssertionError(name + ": accessibility violations " + inaccessible);
        }
        org.openqa.selenium.Dimension desktop = driver.manage().window().getSize();
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(768, 1024));
        try {
            screenshot(name + "-768");
            Object overflow = driver.executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            if (((Number) overflow).longValue() > 1) {
                throw new AssertionError(name + ": wider than a 768 px screen by " + overflow + " px");
            }
        } finally {
            driver.manage().window().setSize(desktop);
        }
    }

    /** Console messages about the Content-Security-Policy since the last call. */
    List<String> cspViolations() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy") || message.contains("Content-Security-Policy"))
                .toList();
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }

    /** The base64 SHA-256 of the stack's certificate's public key, as Chromium's SPKI allow-list takes it. */
    private static String stackCertificateKey() {
        Path certificate = Path.of(Stack.get().descriptor().at("/app/certificate").asText());
        try (var in = Files.newInputStream(certificate)) {
            byte[] key = CertificateFactory.getInstance("X.509").generateCertificate(in).getPublicKey().getEncoded();
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(key));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (CertificateException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
