package io.pathtrack.notify.routing;

import io.pathtrack.contract.ClassifiedReportEvent;
import io.pathtrack.notify.NotifyProperties.Practitioner;
import io.pathtrack.notify.directory.PractitionerDirectory;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Decides who is told about a classified report, how urgently and through which channels. The
 * ordering practitioner comes from the report (its order's requester) or, when the report does not
 * name one, from the specimen's order; a result nobody can be found for goes to the fallback desk.
 */
public final class NotificationRouter {
  /** The trigger of a notification about a classified result; part of the idempotency key. */
  public static final String TRIGGER_RESULT = "result";

  private final NotificationPolicy policy;
  private final PractitionerDirectory directory;

  public NotificationRouter(NotificationPolicy policy, PractitionerDirectory directory) {
    this.policy = policy;
    this.directory = directory;
  }

  public Notification route(ClassifiedReportEvent report, Optional<String> ordererFromSpecimen, Instant now) {
    Optional<Practitioner> recipient = report.orderingPractitioner().or(() -> ordererFromSpecimen)
        .flatMap(directory::find);
    Practitioner to = recipient.orElse(directory.fallback());
    return new Notification(
        notificationId(report, to.reference(), TRIGGER_RESULT),
        report.accession(),
        report.reportReference(),
        report.reportVersion(),
        report.outcome(),
        report.needsReview(),
        policy.priority(report.outcome()),
        to.reference(),
        to.name(),
        recipient.isEmpty(),
        policy.channels(report.outcome()),
        NotificationState.CREATED,
        now,
        Optional.empty(),
        Optional.empty());
  }

  /** Stable per report version, recipient and trigger, so a redelivered event yields the same id. */
  static String notificationId(ClassifiedReportEvent report, String recipient, String trigger) {
    String seed = report.reportId() + "|" + report.reportVersion() + "|" + recipient + "|" + trigger;
    return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString();
  }
}
