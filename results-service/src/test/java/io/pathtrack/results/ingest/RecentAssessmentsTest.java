package io.pathtrack.results.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.pathtrack.testsupport.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecentAssessmentsTest {
  private static final String JSON = "application/fhir+json";
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
  private final ReportIntake intake = ConfiguredIntake.asConfigured();

  private List<ClassifiedReport> assessed(String accession) {
    return intake.assess(bytes(accession), JSON);
  }

  private static byte[] bytes(String accession) {
    return io.pathtrack.testsupport.PathologyFixtures.report(accession).conclusion("Invasive ductal carcinoma.").json()
        .getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void theSameBytesReadBackGiveWhatWasAssessedOnceThenNothing() {
    RecentAssessments recent = new RecentAssessments(8, Duration.ofMinutes(2), clock);
    List<ClassifiedReport> reports = assessed("S26-100");
    recent.remember(bytes("S26-100"), JSON, reports);
    assertThat(recent.take(bytes("S26-100"), JSON)).hasValueSatisfying(found -> {
      assertThat(found).hasSize(1);
      ClassifiedReport kept = found.get(0);
      ClassifiedReport answered = reports.get(0);
      assertThat(kept.json()).isSameAs(answered.json());
      assertThat(kept.classification()).isEqualTo(answered.classification());
      assertThat(kept).extracting(ClassifiedReport::accession, ClassifiedReport::reportId, ClassifiedReport::version,
          ClassifiedReport::contentHash, ClassifiedReport::orderingPractitioner, ClassifiedReport::procedureType,
          ClassifiedReport::copiesTo).containsExactly(answered.accession(), answered.reportId(), answered.version(),
          answered.contentHash(), answered.orderingPractitioner(), answered.procedureType(), answered.copiesTo());
      // what the event's headers read from the report, and nothing more of it
      assertThat(kept.report().getStatus()).isEqualTo(answered.report().getStatus());
      assertThat(kept.report().getIssued()).isEqualTo(answered.report().getIssued());
      assertThat(kept.report().hasConclusion()).isFalse();
    });
    assertThat(recent.take(bytes("S26-100"), JSON)).as("taken once").isEmpty();
    assertThat(recent.reused()).isEqualTo(1);
    assertThat(recent.missed()).isEqualTo(1);
  }

  @Test
  void otherBytesOrAnotherContentTypeAreNotFound() {
    RecentAssessments recent = new RecentAssessments(8, Duration.ofMinutes(2), clock);
    recent.remember(bytes("S26-101"), JSON, assessed("S26-101"));
    byte[] changed = bytes("S26-101");
    changed[changed.length - 2] = ' ';
    assertThat(recent.take(changed, JSON)).isEmpty();
    assertThat(recent.take(bytes("S26-101"), "application/fhir+xml")).isEmpty();
    assertThat(recent.take(bytes("S26-101"), JSON)).isPresent();
  }

  @Test
  void tooOldIsAssessedAgain() {
    RecentAssessments recent = new RecentAssessments(8, Duration.ofMinutes(2), clock);
    recent.remember(bytes("S26-102"), JSON, assessed("S26-102"));
    clock.advance(Duration.ofMinutes(2).plusSeconds(1));
    assertThat(recent.take(bytes("S26-102"), JSON)).isEmpty();
    assertThat(recent.missed()).isEqualTo(1);
  }

  @Test
  void entriesNeverReadBackAreDroppedOnceTooOld() {
    RecentAssessments recent = new RecentAssessments(8, Duration.ofMinutes(2), clock);
    recent.remember(bytes("S26-109"), JSON, assessed("S26-109"));
    long one = recent.keptBytes();
    assertThat(one).isPositive();
    clock.advance(Duration.ofMinutes(3));
    recent.remember(bytes("S26-110"), JSON, assessed("S26-110"));
    assertThat(recent.take(bytes("S26-110"), JSON)).isPresent();
    assertThat(recent.keptBytes()).as("the old entry went when the new one came: nothing is left").isZero();
  }

  @Test
  void keepsAtMostItsCapacityDroppingTheOldest() {
    RecentAssessments recent = new RecentAssessments(2, Duration.ofMinutes(2), clock);
    for (String accession : List.of("S26-103", "S26-104", "S26-105")) {
      recent.remember(bytes(accession), JSON, assessed(accession));
    }
    assertThat(recent.take(bytes("S26-103"), JSON)).isEmpty();
    assertThat(recent.take(bytes("S26-104"), JSON)).isPresent();
    assertThat(recent.take(bytes("S26-105"), JSON)).isPresent();
  }

  @Test
  void aLargeReportIsNotKeptAndTheBytesKeptAreBounded() {
    RecentAssessments recent = new RecentAssessments(100_000, Duration.ofMinutes(2), clock);
    List<ClassifiedReport> reports = assessed("S26-108");
    ClassifiedReport one = reports.get(0);
    ClassifiedReport large = new ClassifiedReport(one.accession(), one.reportId(), one.version(), one.contentHash(),
        one.report(), one.classification(), one.orderingPractitioner(), one.procedureType(), one.copiesTo(),
        new byte[RecentAssessments.MAX_ENTRY_BYTES + 1]);
    recent.remember(bytes("S26-108"), JSON, List.of(large));
    assertThat(recent.take(bytes("S26-108"), JSON)).isEmpty();

    ClassifiedReport big = new ClassifiedReport(one.accession(), one.reportId(), one.version(), one.contentHash(),
        one.report(), one.classification(), one.orderingPractitioner(), one.procedureType(), one.copiesTo(),
        new byte[RecentAssessments.MAX_ENTRY_BYTES]);
    int fits = (int) (RecentAssessments.MAX_BYTES / RecentAssessments.MAX_ENTRY_BYTES);
    for (int i = 0; i <= fits; i++) {
      recent.remember(("written-" + i).getBytes(StandardCharsets.UTF_8), JSON, List.of(big));
    }
    assertThat(recent.keptBytes()).isLessThanOrEqualTo(RecentAssessments.MAX_BYTES);
    assertThat(recent.take("written-0".getBytes(StandardCharsets.UTF_8), JSON)).as("the oldest made room").isEmpty();
    assertThat(recent.take(("written-" + fits).getBytes(StandardCharsets.UTF_8), JSON)).isPresent();
    assertThat(recent.keptBytes()).isEqualTo((long) (fits - 1) * RecentAssessments.MAX_ENTRY_BYTES);
  }

  @Test
  void noneKeepsNothing() {
    RecentAssessments recent = RecentAssessments.none();
    recent.remember(bytes("S26-106"), JSON, assessed("S26-106"));
    assertThat(recent.take(bytes("S26-106"), JSON)).isEmpty();
  }

  @Test
  void theIntakeReusesWhatAChannelRememberedAndAssessesEverythingElse() {
    RecentAssessments recent = new RecentAssessments(8, Duration.ofMinutes(2), clock);
    ReportIntake withMemory = new ReportIntake(new ReportReader(new PayloadGuard(1024 * 1024)),
        new ReportValidator(List.of()), new io.pathtrack.results.classification.OutcomeClassifier(), nanos -> { },
        io.pathtrack.contract.RecordSizes.MAX_EVENT_BYTES, recent);
    List<ClassifiedReport> answered = withMemory.assess(bytes("S26-107"), JSON);
    withMemory.remember(bytes("S26-107"), JSON, answered);
    assertThat(withMemory.assessWritten(bytes("S26-107"), JSON).get(0).json()).isSameAs(answered.get(0).json());
    assertThat(recent.reused()).isEqualTo(1);
    List<ClassifiedReport> again = withMemory.assessWritten(bytes("S26-107"), JSON);
    assertThat(again.get(0).json()).isNotSameAs(answered.get(0).json()).isEqualTo(answered.get(0).json());
    assertThat(recent.missed()).isEqualTo(1);
  }
}
