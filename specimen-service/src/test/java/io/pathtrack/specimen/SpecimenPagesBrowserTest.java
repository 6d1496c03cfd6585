package io.pathtrack.specimen;

import static io.pathtrack.testsupport.PathologyFixtures.specimen;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.pathtrack.contract.Outcome;
import io.pathtrack.contract.ProcedureType;
import io.pathtrack.testsupport.MutableClock;
import io.pathtrack.testsupport.TestIdentity;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The lab's pages in a real browser: headless Chromium and its chromedriver from Debian's packages, signing in
 * through the real identity server's login form. The lab manager finds a breached specimen at the top of the board,
 * the compliance page with its chart, and the specimen's timeline; dr-novak sees only the specimens he ordered. Each
 * page is checked with axe-core against WCAG 2.1 A and AA. Screenshots of each page go to {@code target/screenshots}.
 */
class SpecimenPagesBrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final Duration WAIT = Duration.ofSeconds(30);
  /** Monday 23 November 2026, 10:00 in London. */
  private static final Instant MONDAY = Instant.parse("2026-11-23T10:00:00Z");
  private static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

  @TempDir
  static Path state;

  private static SpecimenServiceHarness service;

  @BeforeAll
  static void start() throws IOException {
    assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "No /usr/bin/chromium and /usr/bin/chromedriver: the browser tests of the pages need Debian's chromium and "
            + "chromium-driver packages (apt-get install chromium chromium-driver; .ci/run installs them)");
    // Nothing is downloaded at run time: driver and browser are Debian's, so Selenium Manager is never asked for one.
    System.setProperty("SE_OFFLINE", "true");
    service = new SpecimenServiceHarness(new MutableClock(MONDAY), state).start();
    TestIdentity.shared();
    Files.createDirectories(SCREENSHOTS);

    // Received on Monday: an ultrasound-guided core is due Wednesday 10:00, a bone biopsy the Monday after.
    service.register(specimen("S26-05001").procedure(ProcedureType.US_CORE_NEEDLE).orderedBy("Practitioner/dr-lee")
        .received(MONDAY).build());
    service.register(specimen("S26-05003").procedure(ProcedureType.CT_BONE).orderedBy("Practitioner/dr-lee")
        .received(MONDAY).build());
    service.register(specimen("S26-04990").procedure(ProcedureType.FINE_NEEDLE_ASPIRATION).orderedBy("Practitioner/dr-chen")
        .received(MONDAY).build());
    service.register(specimen("S26-04991").procedure(ProcedureType.CT_LUNG_SOFT_TISSUE).orderedBy("Practitioner/dr-lee")
        .received(MONDAY).build());
    service.register(specimen("S26-04992").procedure(null).orderedBy("Practitioner/dr-okafor").received(MONDAY).build());
    // Thursday noon: S26-05001 is a day overdue.
    service.clock.set(Instant.parse("2026-11-26T12:00:00Z"));
    service.awaitView("S26-05001", v -> "breached".equals(v.get("sla")));
    service.finalReport("S26-04990", Outcome.BENIGN, Instant.parse("2026-11-24T15:00:00Z"), null);
    service.finalReport("S26-04991", Outcome.MALIGNANT, Instant.parse("2026-11-26T11:00:00Z"), null);
    service.awaitView("S26-04990", v -> "met".equals(v.get("sla")));
    service.awaitView("S26-04991", v -> "late".equals(v.get("sla")));
    service.register(specimen("S26-05002").procedure(ProcedureType.FINE_NEEDLE_ASPIRATION).orderedBy("Practitioner/dr-novak")
        .received(Instant.parse("2026-11-26T09:00:00Z")).build());
    service.awaitView("S26-05002", v -> v.get("dueAt") != null);
  }

  @AfterAll
  static void stop() {
    if (service != null) {
      service.close();
    }
  }

  @Test
  void theLabManagerSeesTheBreachedSpecimenFirstTheComplianceChartAndItsTimeline() throws Exception {
    WebDriver browser = browser();
    try {
      browser.get(service.base() + "/ui/board");
      signIn(browser, "lab-manager");
      until(browser, ExpectedConditions.urlToBe(service.base() + "/ui/board"));
      until(browser, ExpectedConditions.attributeToBe(By.tagName("body"), "data-live", "true"));
      List<WebElement> rows = browser.findElements(By.cssSelector("#board tbody tr"));
      assertThat(rows).extracting(r -> r.getAttribute("data-accession"))
          .as("breached first, then the least time left").containsExactly("S26-05001", "S26-05002", "S26-04992", "S26-05003");
      assertThat(rows.get(0).getAttribute("class")).contains("breached");
      assertThat(rows.get(0).getText()).contains("Breached").contains("Ultrasound-guided core needle biopsy")
          .contains("Practitioner/dr-lee").contains("Mon 23 Nov 2026 10:00").contains("Wed 25 Nov 2026 10:00")
          .contains("overdue by 1 d 2 h");
      assertAccessible(browser, "board");
      screenshot(browser, "board");

      // Live: a specimen received now appears without the page being reloaded.
      ((JavascriptExecutor) browser).executeScript("window.pathtrackNotReloaded = true;");
      service.register(specimen("S26-05004").procedure(ProcedureType.MRI_GUIDED).orderedBy("Practitioner/dr-patel")
          .received(service.clock.instant()).build());
      until(browser, ExpectedConditions.presenceOfElementLocated(By.cssSelector("#board tr[data-accession='S26-05004']")));
      assertThat(((JavascriptExecutor) browser).executeScript("return window.pathtrackNotReloaded === true;")).isEqualTo(true);

      browser.findElement(By.linkText("Compliance")).click();
      until(browser, ExpectedConditions.urlToBe(service.base() + "/ui/compliance"));
      assertThat(browser.findElements(By.cssSelector("figure.chart svg rect.bar"))).as("the chart's bars").isNotEmpty();
      assertThat(browser.findElement(By.id("compliance")).getText()).contains("Fine-needle aspiration 100 % (1 of 1)")
          .contains("CT-guided lung or soft-tissue core biopsy 0 % (0 of 1)");
      assertThat(browser.findElement(By.id("late")).getText()).contains("S26-04991").doesNotContain("S26-04990");
      assertThat(browser.findElement(By.id("unmapped")).getText()).contains("S26-04992");
      assertAccessible(browser, "compliance");
      screenshot(browser, "compliance");

      browser.findElement(By.linkText("Turnaround board")).click();
      until(browser, ExpectedConditions.elementToBeClickable(By.linkText("S26-05001"))).click();
      until(browser, ExpectedConditions.urlToBe(service.base() + "/ui/specimens/S26-05001"));
      assertThat(browser.findElement(By.id("timeline")).getText()).contains("Received").contains("Turnaround clock started")
          .contains("Turnaround warning").contains("Turnaround breached");
      assertThat(browser.findElement(By.id("notifications")).getAttribute("href"))
          .isEqualTo("http://localhost:8083/ui/notifications?accession=S26-05001");
      assertAccessible(browser, "specimen");
      screenshot(browser, "specimen");
    } finally {
      browser.quit();
    }
  }

  @Test
  void aPhysicianSeesOnlyTheSpecimensTheyOrdered() throws Exception {
    WebDriver browser = browser();
    try {
      browser.get(service.base() + "/ui/board");
      signIn(browser, "dr-novak");
      until(browser, ExpectedConditions.attributeToBe(By.tagName("body"), "data-live", "true"));
      assertThat(browser.findElements(By.cssSelector("#board tbody tr"))).extracting(r -> r.getAttribute("data-accession"))
          .containsExactly("S26-05002");
      screenshot(browser, "board-dr-novak");

      browser.get(service.base() + "/ui/specimens/S26-05001");
      assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Not yours to see");
      assertThat(browser.findElement(By.tagName("main")).getText()).contains("HTTP 403").contains("not your patient")
          .doesNotContain("dr-lee");
      assertAccessible(browser, "not-yours");
    } finally {
      browser.quit();
    }
  }

  /** axe-core (from its Maven Central artifact) run in the page: no violation of WCAG 2.1 A or AA. */
  private static void assertAccessible(WebDriver browser, String page) {
    JavascriptExecutor js = (JavascriptExecutor) browser;
    js.executeScript(axeScript());
    Object violations = js.executeAsyncScript("var done = arguments[arguments.length - 1];"
        + "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}})"
        + ".then(function (r) { done(r.violations.map(function (v) { return v.id + ': ' + v.help + ' at '"
        + " + v.nodes.map(function (n) { return n.target.join(' '); }).join(', '); })); })"
        + ".catch(function (e) { done(['axe failed: ' + e]); });", WCAG_21_AA);
    assertThat((List<?>) violations).as("WCAG 2.1 AA violations on the " + page + " page").isEmpty();
  }

  private static String axeScript() {
    try (InputStream in = SpecimenPagesBrowserTest.class.getClassLoader().getResourceAsStream("axe.min.js")) {
      assertThat(in).as("axe.min.js on the test class path (com.deque.html.axe-core)").isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The identity server's own login form, as a person fills it in. */
  private static void signIn(WebDriver browser, String user) {
    until(browser, ExpectedConditions.visibilityOfElementLocated(By.id("username")));
    assertThat(browser.getCurrentUrl()).startsWith(TestIdentity.shared().issuer() + "/login");
    browser.findElement(By.id("username")).sendKeys(user);
    browser.findElement(By.id("password")).sendKeys("pathtrack");
    browser.findElement(By.cssSelector("button[type=submit]")).click();
  }

  private static WebDriver browser() throws IOException {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--window-size=1280,900", "--user-data-dir=" + Files.createTempDirectory(state, "chromium-profile"));
    // One driver process per browser: quitting the browser stops its driver.
    ChromeDriverService driver = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort().build();
    WebDriver browser = new ChromeDriver(driver, options);
    browser.manage().timeouts().pageLoadTimeout(WAIT).scriptTimeout(WAIT);
    return browser;
  }

  private static <T> T until(WebDriver browser, ExpectedCondition<T> condition) {
    return new WebDriverWait(browser, WAIT).until(condition);
  }

  private static void screenshot(WebDriver browser, String name) {
    try {
      Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
