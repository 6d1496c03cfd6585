package io.pathtrack.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.pathtrack.kafka.embedded.EmbeddedKafkaBroker;
import io.pathtrack.testsupport.StreamsReady;
import io.pathtrack.testsupport.TestCallers;
import io.pathtrack.testsupport.TestIdentity;
import io.pathtrack.testsupport.browser.Browser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The pages as the local stack shows them: its own broker (SASL, ACLs), SMTP sink, the three services and the
 * simulated LIS, run until it has sent a few dozen cases; then dr-lee's inbox and an urgent result, and the lab
 * manager's board (with specimens still in the lab, some breached) and compliance, in headless Chromium, each checked
 * with axe-core. The screenshots go to {@code target/screenshots}, and to the README's {@code docs/images} with
 * {@code -Dpathtrack.docs.images=<that folder>}.
 */
class LocalStackPagesTest {
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final int CASES = 32;

  @TempDir
  static Path state;

  private static EmbeddedKafkaBroker broker;
  private static GreenMail smtp;
  private static PathTrackServices services;

  @BeforeAll
  static void runTheStackForAWhile() {
    Browser.assumeInstalled();
    broker = EmbeddedKafkaBroker.builder().sasl().dataDirectory(state.resolve("kafka")).start();
    smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    smtp.start();
    Map<String, Object> settings = new LinkedHashMap<>(TestCallers.serviceProperties());
    settings.put("pathtrack.results.mllp.port", 0);
    settings.put("logging.level.root", "WARN");
    // dr-lee on duty whatever the time of day the suite runs at: her urgent results stay hers.
    settings.put("pathtrack.notify.directory", "file:" + WalkingSkeletonEndToEndTest.alwaysOnDutyDirectory());
    services = PathTrackServices.start(new PathTrackServices.Settings(broker.bootstrapServers(), "127.0.0.1",
        smtp.getSmtp().getPort(), 0, 0, 0, state.resolve("streams"), settings)
        .withKafkaLogins(broker.securityProtocol(), broker::password));
    for (var context : List.of(services.results(), services.specimen(), services.notifications())) {
      StreamsReady.await(context, Duration.ofSeconds(120));
    }
    int mllp = Integer.parseInt(services.results().getEnvironment().getProperty("local.mllp.port"));
    try (SimulatedLis lis = new SimulatedLis(broker.clientProperties("lis"),
        io.pathtrack.guard.security.ServiceToken.of(TestIdentity.shared().issuer(), "lis", "lis-secret",
            "system/DiagnosticReport.c system/Specimen.cru system/ServiceRequest.c", Clock.systemUTC()),
        services.specimenPort(), services.resultsPort(), mllp, LocalStack.findCorpus(null))) {
      lis.start(Duration.ofMillis(100));
      await().atMost(Duration.ofSeconds(120)).until(() -> lis.casesSent() >= CASES);
    }
  }

  @AfterAll
  static void stop() {
    if (services != null) {
      services.close();
    }
    if (smtp != null) {
      smtp.stop();
    }
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  void thePhysicianFindsHerResultsAndOpensAnUrgentOne() {
    String notify = "http://127.0.0.1:" + services.notifyPort();
    try (Browser browser = Browser.open(state, SCREENSHOTS)) {
      browser.get(notify + "/ui/notifications");
      browser.signIn(TestIdentity.shared().issuer(), "dr-lee");
      browser.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-live", "true"));
      By urgent = By.cssSelector("#inbox-list li.urgent");
      // The simulated LIS's malignant breast results are hers, and urgent.
      browser.until(ExpectedConditions.presenceOfElementLocated(urgent));
      // dr-lee's results from the simulated LIS, at least four. The list is drawn again whenever one of them changes
      // (the simulated LIS goes on sending): it is read, and its first row followed, between redraws.
      String first = browser.until(driver -> {
        try {
          List<WebElement> rows = driver.findElements(By.cssSelector("#inbox-list li"));
          return rows.size() >= 4 ? rows.get(0).getText() : null;
        } catch (StaleElementReferenceException redrawn) {
          return null;
        }
      });
      assertThat(first).contains("URGENT").contains("left");
      // Each service's own templates, though all three share one JVM and one class path here.
      assertThat(browser.text(By.cssSelector(".top .brand"))).isEqualTo("PathTrack");
      browser.assertAccessible("inbox");
      save(browser.screenshot("local-inbox"), "inbox.png");

      browser.until(driver -> {
        try {
          driver.findElements(By.cssSelector("#inbox-list li")).get(0).findElement(By.tagName("a")).click();
          return true;
        } catch (StaleElementReferenceException redrawn) {
          return null;
        }
      });
      browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("acknowledge")));
      // The first urgent one is a malignant result, or a benign one discordant with its BI-RADS 5 imaging (the
      // simulated LIS sends both): then the page says what must be done.
      String evidence = browser.text(By.id("evidence"));
      if (!evidence.startsWith("malignant")) {
        assertThat(evidence).startsWith("benign");
        assertThat(browser.text(By.id("note-text"))).contains("imaging highly suspicious (BI-RADS 5)")
            .contains("repeat biopsy or excision per protocol");
      }
      assertThat(browser.text(By.id("patient"))).startsWith("Patient/local-S26-");
      browser.resize(new Dimension(1280, 1500));
      browser.assertAccessible("notification");
      save(browser.screenshot("local-notification"), "notification.png");
    }
  }

  @Test
  void theLabManagerSeesSpecimensStillInTheLabBreachedOnesFirstAndTheCompliance() {
    String specimen = "http://127.0.0.1:" + services.specimenPort();
    try (Browser browser = Browser.open(state, SCREENSHOTS)) {
      browser.get(specimen + "/ui/board");
      browser.signIn(TestIdentity.shared().issuer(), "lab-manager");
      browser.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-live", "true"));
      List<WebElement> rows = browser.driver().findElements(By.cssSelector("#board tbody tr"));
      assertThat(rows.size()).as("specimens the simulated LIS keeps in the lab").isGreaterThanOrEqualTo(CASES / 4 - 1);
      assertThat(rows.get(0).getAttribute("class")).as("the longest overdue first").contains("breached");
      assertThat(browser.text(By.cssSelector(".top .brand"))).isEqualTo("PathTrack lab");
      browser.assertAccessible("board");
      save(browser.screenshot("local-board"), "board.png");

      browser.get(specimen + "/ui/compliance");
      assertThat(browser.driver().findElements(By.cssSelector("figure.chart svg rect.bar"))).isNotEmpty();
      browser.resize(new Dimension(1280, 1400));
      browser.assertAccessible("compliance");
      save(browser.screenshot("local-compliance"), "compliance.png");
    }
  }

  /** With {@code -Dpathtrack.docs.images=<folder>}, the README's screenshot of that page is replaced. */
  private static void save(Path screenshot, String readmeImage) {
    String docs = System.getProperty("pathtrack.docs.images");
    if (docs == null || docs.isBlank()) {
      return;
    }
    try {
      Files.copy(screenshot, Path.of(docs).resolve(readmeImage), StandardCopyOption.REPLACE_EXISTING);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
