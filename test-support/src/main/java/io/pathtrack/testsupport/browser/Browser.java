package io.pathtrack.testsupport.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real browser for the tests of the pages: headless Chromium driven by its chromedriver, both from Debian's
 * {@code chromium} and {@code chromium-driver} packages, so nothing is downloaded at run time (Selenium Manager is
 * never asked for a driver). Each instance is one browser with a profile of its own (no shared cookies), closed with
 * {@link #close()}. Helpers for what every page test does: sign in through the identity server's form, wait, check
 * WCAG 2.1 A/AA with axe-core, and save a screenshot.
 */
public final class Browser implements AutoCloseable {
  public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  public static final Duration WAIT = Duration.ofSeconds(30);
  /** The desk screen the pages are shown on, and a phone's (iPhone 12-15 in CSS pixels). */
  public static final Dimension DESK = new Dimension(1280, 900);
  public static final Dimension PHONE = new Dimension(390, 844);
  private static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
  private static String axe;

  private final WebDriver driver;
  private final Path screenshots;

  private Browser(WebDriver driver, Path screenshots) {
    this.driver = driver;
    this.screenshots = screenshots;
  }

  /** Skips the calling test (with the reason) where Debian's chromium and chromedriver are not installed. */
  public static void assumeInstalled() {
    assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "No /usr/bin/chromium and /usr/bin/chromedriver: the browser tests of the pages need Debian's chromium and "
            + "chromium-driver packages (apt-get install chromium chromium-driver; .ci/run installs them)");
    System.setProperty("SE_OFFLINE", "true");
  }

  /**
   * A new browser, its profile under {@code profiles}, saving screenshots to {@code screenshots}.
   */
  public static Browser open(Path profiles, Path screenshots) {
    try {
      Files.createDirectories(screenshots);
      ChromeOptions options = new ChromeOptions();
      options.setBinary(CHROMIUM.toFile());
      options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
          "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
          "--hide-scrollbars", "--window-size=" + DESK.width + "," + DESK.height,
          "--user-data-dir=" + Files.createTempDirectory(profiles, "chromium-profile"));
      // One driver process per browser: quitting the browser stops its driver.
      ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
          .usingAnyFreePort().build();
      WebDriver driver = new ChromeDriver(service, options);
      driver.manage().timeouts().pageLoadTimeout(WAIT).scriptTimeout(WAIT);
      return new Browser(driver, screenshots);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public WebDriver driver() {
    return driver;
  }

  public void get(String url) {
    driver.get(url);
  }

  public String url() {
    return driver.getCurrentUrl();
  }

  public <T> T until(ExpectedCondition<T> condition) {
    // On a timeout, where the browser was: a redirect gone wrong shows at once.
    WebDriverWait wait = new WebDriverWait(driver, WAIT);
    // A page replaced while it is read (a redirect, a live update) is read again.
    wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    wait.withMessage(() -> "the browser was at " + driver.getCurrentUrl() + " showing: " + visibleText(200));
    return wait.until(condition);
  }

  public String text(By by) {
    return driver.findElement(by).getText();
  }

  private String visibleText(int max) {
    try {
      String text = driver.findElement(By.tagName("body")).getText().replaceAll("\\s+", " ");
      return text.length() > max ? text.substring(0, max) + "…" : text;
    } catch (RuntimeException e) {
      return "(no page: " + e.getClass().getSimpleName() + ")";
    }
  }

  public Object script(String script, Object... arguments) {
    return ((JavascriptExecutor) driver).executeScript(script, arguments);
  }

  /** The identity server's own login form at {@code issuer}, filled in as a person would (password {@code pathtrack}). */
  public void signIn(String issuer, String user) {
    until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
    assertThat(url()).startsWith(issuer + "/login");
    driver.findElement(By.id("username")).sendKeys(user);
    driver.findElement(By.id("password")).sendKeys("pathtrack");
    driver.findElement(By.cssSelector("button[type=submit]")).click();
  }

  /** The header's Sign out button; the browser ends on the signed-out page. */
  public void signOut() {
    driver.findElement(By.id("sign-out")).click();
    until(ExpectedConditions.urlContains("/ui/signed-out"));
    until(ExpectedConditions.textToBe(By.tagName("h1"), "Signed out"));
  }

  public void resize(Dimension size) {
    driver.manage().window().setSize(size);
  }

  /**
   * axe-core (injected into the page) finds no WCAG 2.0/2.1 level A or AA violation. The driver's script injection is
   * not subject to the pages' Content-Security-Policy; the pages themselves load no such script.
   */
  public void assertAccessible(String page) {
    script(axe());
    Object violations = ((JavascriptExecutor) driver).executeAsyncScript(
        "var done = arguments[arguments.length - 1];"
            + "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}})"
            + ".then(function (r) { done(r.violations.map(function (v) { return v.id + ' (' + v.impact + '): ' + v.help"
            + " + ' at ' + v.nodes.map(function (n) { return n.target.join(' '); }).join(', '); })); })"
            + ".catch(function (e) { done(['axe failed: ' + e]); });", WCAG_21_AA);
    assertThat((List<?>) violations).as("WCAG 2.1 AA violations on the " + page + " page").isEmpty();
  }

  /** The visible page as {@code <name>.png} in this browser's screenshot folder. */
  public Path screenshot(String name) {
    try {
      Path file = screenshots.resolve(name + ".png");
      Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    driver.quit();
  }

  /** axe.min.js as Deque ships it in its Maven artifact ({@code com.deque.html.axe-core:selenium}). */
  private static synchronized String axe() {
    if (axe == null) {
      try (InputStream in = Browser.class.getClassLoader().getResourceAsStream("axe.min.js")) {
        assertThat(in).as("axe.min.js on the test class path (com.deque.html.axe-core:selenium)").isNotNull();
        axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return axe;
  }
}
