package io.pathtrack.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.pathtrack.contract.Outcome;
import io.pathtrack.notify.delivery.RecordingReceiver;
import io.pathtrack.testsupport.MutableClock;
import io.pathtrack.testsupport.TestIdentity;
import io.pathtrack.testsupport.browser.Browser;
import java.io.IOException;
import java.net.URI;
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
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The physician's pages in a real browser: headless Chromium and its chromedriver from Debian's packages, signing
 * in through the real identity server's login form. dr-lee follows the email link and lands on that notification
 * after sign-in, sees a new urgent result arrive in her inbox without reloading, opens it and acknowledges it;
 * dr-novak does not see it and is refused its page; escalation stops once acknowledged; "Not my patient" reroutes a
 * result to the results desk, who sees it; signing out ends the session at the identity server too. Screenshots of
 * each page go to {@code target/screenshots}.
 */
class NotifyPagesBrowserTest {
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final Duration WAIT = Browser.WAIT;
  private static final Pattern LINK = Pattern.compile("Open it:\\s+(\\S+)");

  @TempDir
  static Path state;

  private static GreenMail smtp;
  private static RecordingReceiver pager;
  private static NotifyServiceHarness service;

  @BeforeAll
  static void start() throws IOException {
    Browser.assumeInstalled();
    smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    smtp.start();
    pager = new RecordingReceiver("/pager", RecordingReceiver.Response.of(200));
    service = new NotifyServiceHarness(new MutableClock(Instant.parse("2026-11-23T10:00:00Z")), smtp, state,
        pager.url("/pager")).start();
    TestIdentity.shared();
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
    try (Browser browser = browser()) {
      // The alert email's link, followed by someone not yet signed in: sign-in first, then that notification.
      String link = emailLink(earlier);
      assertThat(link).endsWith("/ui/notifications/" + earlier);
      browser.get(service.base() + URI.create(link).getPath());
      signIn(browser, "dr-lee");
      browser.until(ExpectedConditions.urlToBe(service.base() + "/ui/notifications/" + earlier));
      assertThat(browser.driver().findElement(By.id("accession")).getText()).isEqualTo("S26-04410");

      browser.get(service.base() + "/ui/notifications");
      browser.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-live", "true"));
      browser.script("window.pathtrackNotReloaded = true;");
      assertThat(browser.driver().findElement(By.id("inbox-list")).getText()).contains("S26-04410").contains("S26-04402")
          .doesNotContain("S26-04398").doesNotContain("S26-04421");

      String urgent = notificationFor("S26-04421", Outcome.MALIGNANT, "Practitioner/dr-lee");
      By urgentRow = By.cssSelector("li.urgent[data-notification='" + urgent + "']");
      browser.until(ExpectedConditions.visibilityOfElementLocated(urgentRow));
      assertThat(browser.script("return window.pathtrackNotReloaded === true;"))
          .as("the result arrived without the page being reloaded").isEqualTo(true);
      // Urgent and unacknowledged comes first. The list is drawn again as the notification's state changes (created,
      // then sent): it is read between redraws.
      String first = browser.until(driver -> {
        try {
          List<WebElement> rows = driver.findElements(By.cssSelector("#inbox-list li"));
          return rows.isEmpty() || !urgent.equals(rows.get(0).getAttribute("data-notification")) ? null : rows.get(0).getText();
        } catch (StaleElementReferenceException redrawn) {
          return null;
        }
      });
      assertThat(first).contains("URGENT").contains("malignant").contains("S26-04421").contains("4 h 0 min left");
      browser.screenshot("inbox");
      browser.assertAccessible("inbox");
      browser.resize(Browser.PHONE);
      browser.screenshot("inbox-phone");
      browser.resize(Browser.DESK);

      browser.driver().findElement(urgentRow).findElement(By.tagName("a")).click();
      browser.until(ExpectedConditions.urlToBe(service.base() + "/ui/notifications/" + urgent));
      browser.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-live", "true"));
      assertThat(browser.driver().findElement(By.id("accession")).getText()).isEqualTo("S26-04421");
      assertThat(browser.driver().findElement(By.tagName("main")).getText()).contains("urgent").contains("Acknowledge by")
          .contains("Who was told, and when");
      // The report itself: the patient as a reference only, the evidence that decided the outcome, the full text.
      assertThat(browser.driver().findElement(By.id("patient")).getText()).isEqualTo("Patient/p-1001");
      assertThat(browser.driver().findElement(By.id("specimen")).getText()).contains("S26-04421");
      assertThat(browser.driver().findElement(By.id("evidence")).getText()).isEqualTo("malignant <- conclusion: invasive carcinoma");
      assertThat(browser.driver().findElement(By.id("conclusion")).getText()).isEqualTo("Invasive carcinoma");
      assertThat(browser.driver().findElement(By.id("report-text")).getText()).contains("DIAGNOSIS");
      browser.screenshot("notification");
      browser.assertAccessible("notification");

      browser.driver().findElement(By.id("acknowledge")).click();
      browser.until(ExpectedConditions.textToBe(By.id("state"), "acknowledged"));
      assertThat(browser.driver().findElement(By.id("acknowledged-by")).getText()).isEqualTo("Practitioner/dr-lee");
      assertThat(browser.driver().findElements(By.id("acknowledge"))).as("nothing left to acknowledge").isEmpty();
      browser.screenshot("notification-acknowledged");
      browser.assertAccessible("notification-acknowledged");
      assertThat(service.notifications("S26-04421").get(0)).containsEntry("acknowledgedBy", "Practitioner/dr-lee");

      // Escalation stops: past the 4-hour deadline nobody else is told and the notification stays acknowledged.
      service.clock.advance(Duration.ofHours(4).plusMinutes(5));
      Thread.sleep(1_000);
      assertThat(service.notifications("S26-04421")).singleElement().satisfies(n -> assertThat(n).containsEntry("state", "acknowledged"));

      // Signing out ends the session here and at the identity server: whoever uses the browser next must sign in.
      browser.signOut();
      assertThat(browser.url()).isEqualTo(service.base() + "/ui/signed-out");
      assertThat(browser.text(By.id("reason"))).contains("signed out of PathTrack and of the sign-in server");
      browser.screenshot("signed-out");
      browser.assertAccessible("signed-out");
      browser.get(service.base() + "/ui/notifications/" + urgent);
      browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
      assertThat(browser.url()).startsWith(TestIdentity.shared().issuer() + "/login");
    }
  }

  @Test
  void anotherPhysicianDoesNotSeeItAndIsRefusedItsPage() throws Exception {
    String lees = notificationFor("S26-04430", Outcome.MALIGNANT, "Practitioner/dr-lee");
    String novaks = notificationFor("S26-04431", Outcome.ATYPICAL, "Practitioner/dr-novak");
    try (Browser browser = browser()) {
      browser.get(service.base() + "/ui/notifications");
      signIn(browser, "dr-novak");
      browser.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("li[data-notification='" + novaks + "']")));
      assertThat(browser.driver().findElement(By.id("inbox-list")).getText()).contains("S26-04431").doesNotContain("S26-04430")
          .doesNotContain("S26-04410");

      browser.get(service.base() + "/ui/notifications/" + lees);
      assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Not yours to see");
      assertThat(browser.driver().findElement(By.tagName("main")).getText()).contains("HTTP 403").contains("not your notification")
          .doesNotContain("S26-04430");
      browser.screenshot("not-yours");
      browser.assertAccessible("not-yours");
    }
  }

  @Test
  void notMyPatientReroutesItToTheResultsDeskAndTellsTheLab() throws Exception {
    String lees = notificationFor("S26-04440", Outcome.MALIGNANT, "Practitioner/dr-lee");
    try (Browser browser = browser()) {
      browser.get(service.base() + "/ui/notifications/" + lees);
      signIn(browser, "dr-lee");
      browser.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-live", "true"));
      browser.driver().findElement(By.id("decline")).click();
      browser.until(ExpectedConditions.textToBe(By.id("state"), "declined"));
      assertThat(browser.driver().findElements(By.id("decline"))).isEmpty();
      assertThat(browser.driver().findElements(By.id("acknowledge"))).isEmpty();
      // The decline is a step of the audit trail, by whom.
      browser.until(b -> {
        b.navigate().refresh();
        return b.findElement(By.cssSelector("table.trail")).getText().contains("declined");
      });
      assertThat(browser.driver().findElements(By.cssSelector("table.trail tr"))).anySatisfy(
          tr -> assertThat(tr.getText()).contains("declined").contains("Practitioner/dr-lee"));
      browser.screenshot("notification-declined");
      browser.assertAccessible("notification-declined");
    }
    List<java.util.Map<String, Object>> all = service.awaitNotifications("S26-04440", l -> l.size() == 3);
    assertThat(all).anySatisfy(n -> assertThat(n).containsEntry("recipient", "Practitioner/lab").containsEntry("trigger", "declined-notice"));
    String desk = (String) all.stream().filter(n -> "Practitioner/desk".equals(n.get("recipient"))).findFirst().orElseThrow().get("id");
    org.awaitility.Awaitility.await().atMost(WAIT).until(() -> !service.mailTo("lab@lab.example").isEmpty());

    try (Browser deskBrowser = browser()) {
      deskBrowser.get(service.base() + "/ui/notifications");
      signIn(deskBrowser, "results-desk");
      By rerouted = By.cssSelector("li.urgent[data-notification='" + desk + "']");
      deskBrowser.until(ExpectedConditions.visibilityOfElementLocated(rerouted));
      assertThat(deskBrowser.driver().findElement(rerouted).getText()).contains("S26-04440").contains("Results desk");
      deskBrowser.driver().findElement(rerouted).findElement(By.tagName("a")).click();
      deskBrowser.until(ExpectedConditions.urlToBe(service.base() + "/ui/notifications/" + desk));
      assertThat(deskBrowser.driver().findElement(By.id("conclusion")).getText()).isEqualTo("Invasive carcinoma");
      assertThat(deskBrowser.driver().findElement(By.tagName("main")).getText()).contains("Acknowledge by");
      deskBrowser.screenshot("notification-rerouted");
      deskBrowser.assertAccessible("notification-rerouted");
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

  /** The identity server's own login form, as a person fills it in; a screenshot of it first. */
  private static void signIn(Browser browser, String user) {
    browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
    browser.screenshot("sign-in-" + user);
    browser.signIn(TestIdentity.shared().issuer(), user);
  }

  private static Browser browser() {
    return Browser.open(state, SCREENSHOTS);
  }
}
