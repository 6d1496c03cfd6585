package io.pathtrack.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.pathtrack.contract.Outcome;
import io.pathtrack.notify.delivery.RecordingReceiver;
import io.pathtrack.testsupport.MutableClock;
import io.pathtrack.testsupport.TestIdentity;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The physician's pages in a real browser: headless Chromium and its chromedriver from Debian's packages, signing
 * in through the real identity server's login form. dr-lee follows the email link and lands on that notification
 * after sign-in, sees a new urgent result arrive in her inbox without reloading, opens it and acknowledges it;
 * dr-novak does not see it and is refused its page; escalation stops once acknowledged; "Not my patient" reroutes a
 * result to the results desk, who sees it. Screenshots of each page go to {@code target/screenshots}.
 */
class NotifyPagesBrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final Pattern LINK = Pattern.compile("Open it:\\s+(\\S+)");
  private static final String AXE = axe();

  @TempDir
  static Path state;

  private static GreenMail smtp;
  private static RecordingReceiver pager;
  private static NotifyServiceHarness service;

  @BeforeAll
  static void start() throws IOException {
    assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "No /usr/bin/chromium and /usr/bin/chromedriver: the browser tests of the pages need Debian's chromium and "
            + "chromium-driver packages (apt-get install chromium chromium-driver; .ci/run installs them)");
    // Nothing is downloaded at run time: driver and browser are Debian's, so Selenium Manager is never asked for one.
    System.setProperty("SE_OFFLINE", "true");
    smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    smtp.start();
    pager = new RecordingReceiver("/pager", RecordingReceiver.Response.of(200));
    service = new NotifyServiceHarness(new MutableClock(Instant.parse("2026-11-23T10:00:00Z")), smtp, state,
        pager.url("/pager")).start();
    TestIdentity.shared();
    Files.createDirectories(SCREENSHOTS);
  }

  @AfterAll
  static void stop() {
    if (service != null) {
      service.close();
      pager.close();
      smtp.stop();
    }
  }

  @Test
  void aPhysicianSignsInSeesAnUrgentResultArriveLiveAndAcknowledgesIt() throws Exception {
    String earlier = notificationFor("S26-04410", Outcome.ATYPICAL, "Practitioner/dr-lee");
    notificationFor("S26-04402", Outcome.BENIGN, "Practitioner/dr-lee");
    notificationFor("S26-04398", Outcome.NONDIAGNOSTIC, "Practitioner/dr-novak");
    WebDriver browser = browser();
    try {
      // The alert email's link, followed by someone not yet signed in: sign-in first, then that notification.
      String link = emailLink(earlier);
      assertThat(link).endsWith("/ui/notifications/" + earlier);
      browser.get(service.base() + URI.create(link).getPath());
      signIn(browser, "dr-lee");
      until(browser, ExpectedConditions.urlToBe(service.base() + "/ui/notifications/" + earlier));
      assertThat(browser.findElement(By.id("accession")).getText()).isEqualTo("S26-04410");

      browser.get(service.base() + "/ui/notifications");
      until(browser, ExpectedConditions.attributeToBe(By.tagName("body"), "data-live", "true"));
      ((JavascriptExecutor) browser).executeScript("window.pathtrackNotReloaded = true;");
      assertThat(browser.findElement(By.id("inbox-list")).getText()).contains("S26-04410").contains("S26-04402")
          .doesNotContain("S26-04398").doesNotContain("S26-04421");

      String urgent = notificationFor("S26-04421", Outcome.MALIGNANT, "Practitioner/dr-lee");
      By urgentRow = By.cssSelector("li.urgent[data-notification='" + urgent + "']");
      until(browser, ExpectedConditions.visibilityOfElementLocated(urgentRow));
      assertThat(((JavascriptExecutor) browser).executeScript("return window.pathtrackNotReloaded === true;"))
          .as("the result arrived without the page being reloaded").isEqualTo(true);
      List<WebElement> rows = browser.findElements(By.cssSelector("#inbox-list li"));
      assertThat(rows.get(0).getAttribute("data-notification")).as("urgent and unacknowledged comes first").isEqualTo(urgent);
      assertThat(rows.get(0).getText()).contains("URGENT").contains("malignant").contains("S26-04421").contains("4 h 0 min left");
      screenshot(browser, "inbox");
      accessible(browser, "inbox");
      browser.manage().window().setSize(new Dimension(390, 844));
      screenshot(browser, "inbox-phone");
      browser.manage().window().setSize(new Dimension(1280, 900));

      browser.findElement(urgentRow).findElement(By.tagName("a")).click();
      until(browser, ExpectedConditions.urlToBe(service.base() + "/ui/notifications/" + urgent));
      until(browser, ExpectedConditions.attributeToBe(By.tagName("body"), "data-live", "true"));
      assertThat(browser.findElement(By.id("accession")).getText()).isEqualTo("S26-04421");
      assertThat(browser.findElement(By.tagName("main")).getText()).contains("urgent").contains("Acknowledge by")
          .contains("Who was told, and when");
      // The report itself: the patient as a reference only, the evidence that decided the outcome, the full text.
      assertThat(browser.findElement(By.id("patient")).getText()).isEqualTo("Patient/p-1001");
      assertThat(browser.findElement(By.id("specimen")).getText()).contains("S26-04421");
      assertThat(browser.findElement(By.id("evidence")).getText()).isEqualTo("malignant <- conclusion: invasive carcinoma");
      assertThat(browser.findElement(By.id("conclusion")).getText()).isEqualTo("Invasive carcinoma");
      assertThat(browser.findElement(By.id("report-text")).getText()).contains("DIAGNOSIS");
      screenshot(browser, "notification");
      accessible(browser, "notification");

      browser.findElement(By.id("acknowledge")).click();
      until(browser, ExpectedConditions.textToBe(By.id("state"), "acknowledged"));
      assertThat(browser.findElement(By.id("acknowledged-by")).getText()).isEqualTo("Practitioner/dr-lee");
      assertThat(browser.findElements(By.id("acknowledge"))).as("nothing left to acknowledge").isEmpty();
      screenshot(browser, "notification-acknowledged");
      accessible(browser, "notification-acknowledged");
      assertThat(service.notifications("S26-04421").get(0)).containsEntry("acknowledgedBy", "Practitioner/dr-lee");

      // Escalation stops: past the 4-hour deadline nobody else is told and the notification stays acknowledged.
      service.clock.advance(Duration.ofHours(4).plusMinutes(5));
      Thread.sleep(1_000);
      assertThat(service.notifications("S26-04421")).singleElement().satisfies(n -> assertThat(n).containsEntry("state", "acknowledged"));
    } finally {
      browser.quit();
    }
  }

  @Test
  void anotherPhysicianDoesNotSeeItAndIsRefusedItsPage() throws Exception {
    String lees = notificationFor("S26-04430", Outcome.MALIGNANT, "Practitioner/dr-lee");
    String novaks = notificationFor("S26-04431", Outcome.ATYPICAL, "Practitioner/dr-novak");
    WebDriver browser = browser();
    try {
      browser.get(service.base() + "/ui/notifications");
      signIn(browser, "dr-novak");
      until(browser, ExpectedConditions.presenceOfElementLocated(By.cssSelector("li[data-notification='" + novaks + "']")));
      assertThat(browser.findElement(By.id("inbox-list")).getText()).contains("S26-04431").doesNotContain("S26-04430")
          .doesNotContain("S26-04410");

      browser.get(service.base() + "/ui/notifications/" + lees);
      assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Not yours to see");
      assertThat(browser.findElement(By.tagName("main")).getText()).contains("HTTP 403").contains("not your notification")
          .doesNotContain("S26-04430");
      screenshot(browser, "not-yours");
      accessible(browser, "not-yours");
    } finally {
      browser.quit();
    }
  }

  @Test
  void notMyPatientReroutesItToTheResultsDeskAndTellsTheLab() throws Exception {
    String lees = notificationFor("S26-04440", Outcome.MALIGNANT, "Practitioner/dr-lee");
    WebDriver browser = browser();
    try {
      browser.get(service.base() + "/ui/notifications/" + lees);
      signIn(browser, "dr-lee");
      until(browser, ExpectedConditions.attributeToBe(By.tagName("body"), "data-live", "true"));
      browser.findElement(By.id("decline")).click();
      until(browser, ExpectedConditions.textToBe(By.id("state"), "declined"));
      assertThat(browser.findElements(By.id("decline"))).isEmpty();
      assertThat(browser.findElements(By.id("acknowledge"))).isEmpty();
      // The decline is a step of the audit trail, by whom.
      new WebDriverWait(browser, WAIT).until(b -> {
        b.navigate().refresh();
        return b.findElement(By.cssSelector("table.trail")).getText().contains("declined");
      });
      assertThat(browser.findElements(By.cssSelector("table.trail tr"))).anySatisfy(
          tr -> assertThat(tr.getText()).contains("declined").contains("Practitioner/dr-lee"));
      screenshot(browser, "notification-declined");
      accessible(browser, "notification-declined");
    } finally {
      browser.quit();
    }
    List<java.util.Map<String, Object>> all = service.awaitNotifications("S26-04440", l -> l.size() == 3);
    assertThat(all).anySatisfy(n -> assertThat(n).containsEntry("recipient", "Practitioner/lab").containsEntry("trigger", "declined-notice"));
    String desk = (String) all.stream().filter(n -> "Practitioner/desk".equals(n.get("recipient"))).findFirst().orElseThrow().get("id");
    org.awaitility.Awaitility.await().atMost(WAIT).until(() -> !service.mailTo("lab@lab.example").isEmpty());

    WebDriver deskBrowser = browser();
    try {
      deskBrowser.get(service.base() + "/ui/notifications");
      signIn(deskBrowser, "results-desk");
      By rerouted = By.cssSelector("li.urgent[data-notification='" + desk + "']");
      until(deskBrowser, ExpectedConditions.visibilityOfElementLocated(rerouted));
      assertThat(deskBrowser.findElement(rerouted).getText()).contains("S26-04440").contains("Results desk");
      deskBrowser.findElement(rerouted).findElement(By.tagName("a")).click();
      until(deskBrowser, ExpectedConditions.urlToBe(service.base() + "/ui/notifications/" + desk));
      assertThat(deskBrowser.findElement(By.id("conclusion")).getText()).isEqualTo("Invasive carcinoma");
      assertThat(deskBrowser.findElement(By.tagName("main")).getText()).contains("Acknowledge by");
      screenshot(deskBrowser, "notification-rerouted");
      accessible(deskBrowser, "notification-rerouted");
    } finally {
      deskBrowser.quit();
    }
  }

  private static String notificationFor(String accession, Outcome outcome, String orderer) {
    service.report(accession, outcome, "v1", orderer, null, false);
    return (String) service.awaitNotifications(accession, l -> !l.isEmpty()).get(0).get("id");
  }

  private static String emailLink(String notification) {
    return org.awaitility.Awaitility.await().atMost(WAIT).until(() -> service.mailTo("lee@hospital.example").stream()
        .map(GreenMailUtil::getBody).map(LINK::matcher).filter(Matcher::find).map(m -> m.group(1))
        .filter(l -> l.endsWith(notification)).findFirst().orElse(null), l -> l != null);
  }

  /** The identity server's own login form, as a person fills it in. */
  private static void signIn(WebDriver browser, String user) {
    until(browser, ExpectedConditions.visibilityOfElementLocated(By.id("username")));
    assertThat(browser.getCurrentUrl()).startsWith(TestIdentity.shared().issuer() + "/login");
    screenshot(browser, "sign-in-" + user);
    browser.findElement(By.id("username")).sendKeys(user);
    browser.findElement(By.id("password")).sendKeys("pathtrack");
    browser.findElement(By.cssSelector("button[type=submit]")).click();
  }

  /**
   * axe-core (from its webjar, injected into the page) finds no WCAG 2.0/2.1 level A or AA violation. The driver's
   * script injection is not subject to the pages' Content-Security-Policy; the pages themselves load no such script.
   */
  private static void accessible(WebDriver browser, String page) {
    JavascriptExecutor js = (JavascriptExecutor) browser;
    js.executeScript(AXE);
    Object violations = js.executeAsyncScript("var done = arguments[arguments.length - 1];"
        + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
        + ".then(function (r) { done(r.violations.map(function (v) { return v.id + ' (' + v.impact + '): ' + v.help"
        + " + ' at ' + v.nodes.map(function (n) { return n.target.join(' '); }).join(', '); })); })"
        + ".catch(function (e) { done(['axe failed: ' + e]); });");
    assertThat((List<?>) violations).as("WCAG 2.1 AA violations on the " + page + " page").isEmpty();
  }

  private static String axe() {
    try (java.io.InputStream in = NotifyPagesBrowserTest.class.getResourceAsStream(
        "/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js")) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
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
    browser.manage().timeouts().pageLoadTimeout(WAIT);
    browser.manage().timeouts().scriptTimeout(WAIT);
    return browser;
  }

  private static <T> T until(WebDriver browser, org.openqa.selenium.support.ui.ExpectedCondition<T> condition) {
    return new WebDriverWait(browser, WAIT).until(condition);
  }

  private static void screenshot(WebDriver browser, String name) {
    try {
      byte[] png = ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
      Files.write(SCREENSHOTS.resolve(name + ".png"), png);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
