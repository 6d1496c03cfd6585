package io.pathtrack.specimen;

import static io.pathtrack.testsupport.PathologyFixtures.specimen;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pathtrack.contract.Outcome;
import io.pathtrack.contract.ProcedureType;
import io.pathtrack.testsupport.MutableClock;
import io.pathtrack.testsupport.TestIdentity;
import io.pathtrack.testsupport.browser.Browser;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The lab's pages in a real browser: headless Chromium and its chromedriver from Debian's packages, signing in
 * through the real identity server's login form. The lab manager finds a breached specimen at the top of the board,
 * the compliance page with its chart, and the specimen's timeline; dr-novak sees only the specimens he ordered. Each
 * page is checked with axe-core against WCAG 2.1 A and AA. Screenshots of each page go to {@code target/screenshots}.
 */
class SpecimenPagesBrowserTest {
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  /** Monday 23 November 2026, 10:00 in London. */
  private static final Instant MONDAY = Instant.parse("2026-11-23T10:00:00Z");

  @TempDir
  static Path state;

  private static SpecimenServiceHarness service;

  @BeforeAll
  static void start() throws IOException {
    Browser.assumeInstalled();
    service = new SpecimenServiceHarness(new MutableClock(MONDAY), state).start();
    TestIdentity.shared();

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
    try (Browser browser = browser()) {
      browser.get(service.base() + "/ui/board");
      signIn(browser, "lab-manager");
      browser.until(ExpectedConditions.urlToBe(service.base() + "/ui/board"));
      browser.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-live", "true"));
      List<WebElement> rows = browser.driver().findElements(By.cssSelector("#board tbody tr"));
      assertThat(rows).extracting(r -> r.getAttribute("data-accession"))
          .as("breached first, then the least time left").containsExactly("S26-05001", "S26-05002", "S26-04992", "S26-05003");
      assertThat(rows.get(0).getAttribute("class")).contains("breached");
      assertThat(rows.get(0).getText()).contains("Breached").contains("Ultrasound-guided core needle biopsy")
          .contains("Practitioner/dr-lee").contains("Mon 23 Nov 2026 10:00").contains("Wed 25 Nov 2026 10:00")
          .contains("overdue by 1 d 2 h");
      browser.assertAccessible("board");
      browser.screenshot("board");

      // Live: a specimen received now appears without the page being reloaded.
      browser.script("window.pathtrackNotReloaded = true;");
      service.register(specimen("S26-05004").procedure(ProcedureType.MRI_GUIDED).orderedBy("Practitioner/dr-patel")
          .received(service.clock.instant()).build());
      browser.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#board tr[data-accession='S26-05004']")));
      assertThat(browser.script("return window.pathtrackNotReloaded === true;")).isEqualTo(true);

      browser.driver().findElement(By.linkText("Compliance")).click();
      browser.until(ExpectedConditions.urlToBe(service.base() + "/ui/compliance"));
      assertThat(browser.driver().findElements(By.cssSelector("figure.chart svg rect.bar"))).as("the chart's bars").isNotEmpty();
      assertThat(browser.driver().findElement(By.id("compliance")).getText()).contains("Fine-needle aspiration 100 % (1 of 1)")
          .contains("CT-guided lung or soft-tissue core biopsy 0 % (0 of 1)");
      assertThat(browser.driver().findElement(By.id("late")).getText()).contains("S26-04991").doesNotContain("S26-04990");
      assertThat(browser.driver().findElement(By.id("unmapped")).getText()).contains("S26-04992");
      browser.assertAccessible("compliance");
      browser.screenshot("compliance");

      browser.driver().findElement(By.linkText("Turnaround board")).click();
      // The board is drawn again as its specimens change: the link is followed between redraws.
      browser.until(driver -> {
        try {
          driver.findElement(By.linkText("S26-05001")).click();
          return true;
        } catch (StaleElementReferenceException | NoSuchElementException redrawn) {
          return null;
        }
      });
      browser.until(ExpectedConditions.urlToBe(service.base() + "/ui/specimens/S26-05001"));
      assertThat(browser.driver().findElement(By.id("timeline")).getText()).contains("Received").contains("Turnaround clock started")
          .contains("Turnaround warning").contains("Turnaround breached");
      assertThat(browser.driver().findElement(By.id("notifications")).getAttribute("href"))
          .isEqualTo("http://localhost:8083/ui/notifications?accession=S26-05001");
      browser.assertAccessible("specimen");
      browser.screenshot("specimen");

      browser.signOut();
      assertThat(browser.url()).isEqualTo(service.base() + "/ui/signed-out");
      browser.assertAccessible("signed-out");
    }
  }

  @Test
  void aPhysicianSeesOnlyTheSpecimensTheyOrdered() throws Exception {
    try (Browser browser = browser()) {
      browser.get(service.base() + "/ui/board");
      signIn(browser, "dr-novak");
      browser.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-live", "true"));
      assertThat(browser.driver().findElements(By.cssSelector("#board tbody tr"))).extracting(r -> r.getAttribute("data-accession"))
          .containsExactly("S26-05002");
      browser.screenshot("board-dr-novak");

      browser.get(service.base() + "/ui/specimens/S26-05001");
      assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Not yours to see");
      assertThat(browser.driver().findElement(By.tagName("main")).getText()).contains("HTTP 403").contains("not your patient")
          .doesNotContain("dr-lee");
      browser.assertAccessible("not-yours");
    }
  }

  private static void signIn(Browser browser, String user) {
    browser.signIn(TestIdentity.shared().issuer(), user);
  }

  private static Browser browser() {
    return Browser.open(state, SCREENSHOTS);
  }
}
