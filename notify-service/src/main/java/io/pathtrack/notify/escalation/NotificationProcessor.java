package io.pathtrack.notify.escalation;

import io.pathtrack.notify.domain.AccessionNotifications;
import io.pathtrack.notify.domain.EscalationTimer;
import io.pathtrack.notify.domain.NotificationEngine;
import io.pathtrack.notify.domain.SlaAlert;
import io.pathtrack.contract.ClassifiedReportEvent;
import io.pathtrack.contract.EventHeaders;
import io.pathtrack.contract.EventTypes;
import io.pathtrack.contract.SpecimenOrders;
import io.pathtrack.contract.streams.DueIndex;
import io.pathtrack.contract.streams.RecordRefusedException;
import io.pathtrack.contract.streams.RoutedRecord;
import io.pathtrack.contract.streams.RoutingProcessor;
import io.pathtrack.notify.audit.AuditEvents;
import io.pathtrack.notify.domain.ReportHistory;
import io.pathtrack.notify.report.ReportReading;
import io.pathtrack.notify.domain.Notification;
import io.pathtrack.notify.routing.NotificationCommunications;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.hl7.fhir.r4.model.DiagnosticReport;

/**
 * notify-service's state machine in Kafka Streams. Input: classified reports (and retractions),
 * specimen events (who ordered), SLA events and acknowledgement and decline requests, all keyed by accession.
 * State: each accession's notifications, and the due-time index of acknowledgement deadlines. Output 0:
 * notification events (FHIR Communication) for the dispatcher and the inbox; output 1: the audit trail.
 */
final class NotificationProcessor extends RoutingProcessor<EngineInput> {
  static final int NOTIFICATIONS = 0;
  static final int AUDIT = 1;

  private final NotificationEngine engine;
  private final Clock clock;
  private final String source;
  private KeyValueStore<String, StoredNotifications> store;
  private DueIndex timers;
  private KeyValueStore<String, ReportHistory> reports;

  NotificationProcessor(NotificationEngine engine, Clock clock, Duration sweepInterval, String source) {
    super(sweepInterval);
    this.engine = engine;
    this.clock = clock;
    this.source = source;
  }

  @Override
  protected void open(ProcessorContext<String, RoutedRecord<String>> context) {
    store = context.getStateStore(NotificationTopology.STATE);
    timers = new DueIndex(context.getStateStore(NotificationTopology.TIMERS));
    reports = context.getStateStore(NotificationTopology.REPORTS);
  }

  /**
   * A record that cannot be applied throws: the stream's exception handler sets it aside on
   * {@link io.pathtrack.contract.Topics#NOTIFICATIONS_DLQ} with the reason and the stream goes on with the next one.
   */
  @Override
  protected void apply(Record<String, EngineInput> record, String type) {
    Instant now = clock.instant();
    String accession = record.key();
    AccessionNotifications state = load(accession);
    EngineInput input = record.value();
    NotificationEngine.Step step = null;
    if (input instanceof EngineInput.Report report) {
      step = ClassifiedReportEvent.fromHeaders(accession, record.headers()).map(e -> {
        report.body().ifPresent(body -> keep(e, body));
        return engine.onReport(state, e, copiesTo(record.headers()), careTeam(record.headers()),
            io.pathtrack.contract.ReportCues.fromHeaders(record.headers()), now);
      }).orElse(null);
    } else if (input instanceof EngineInput.SpecimenEvent specimen) {
      step = engine.onSpecimen(state, SpecimenEventFacts.of(specimen.specimen(), type), now);
    } else if (input instanceof EngineInput.SlaEvent) {
      step = engine.onSla(state, slaAlert(accession, type, record.headers()), now);
    } else if (input instanceof EngineInput.FollowUpOverdue) {
      step = engine.onFollowUpOverdue(state, followUp(accession, record.headers()), now);
    } else if (input instanceof EngineInput.FollowUpClosed) {
      step = engine.onFollowUpClosed(state, followUp(accession, record.headers()), now);
    } else if (input instanceof EngineInput.Acknowledge ack) {
      step = engine.onAcknowledged(state, ack.request().notificationId(), ack.request().by(), now);
    } else if (input instanceof EngineInput.Decline decline) {
      step = engine.onDeclined(state, decline.request().notificationId(), decline.request().by(), now);
    }
    if (step != null) {
      apply(step, now);
    }
  }

  private static SlaAlert slaAlert(String accession, String type, Headers headers) {
    String due = EventHeaders.last(headers, EventHeaders.DUE_TIME);
    if (due == null) {
      throw new RecordRefusedException("an SLA event without its " + EventHeaders.DUE_TIME + " header");
    }
    return new SlaAlert(type.equals(EventTypes.SLA_BREACH), accession, Instant.parse(due),
        Optional.ofNullable(EventHeaders.last(headers, EventHeaders.ORDERING_PRACTITIONER)),
        Optional.ofNullable(EventHeaders.last(headers, EventHeaders.ID)).orElse(type + accession));
  }

  private static io.pathtrack.notify.domain.FollowUpAlert followUp(String accession, Headers headers) {
    String kind = EventHeaders.last(headers, EventHeaders.FOLLOW_UP_KIND);
    String due = EventHeaders.last(headers, EventHeaders.DUE_TIME);
    String report = EventHeaders.last(headers, EventHeaders.REPORT);
    if (kind == null || due == null || report == null) {
      throw new RecordRefusedException("a follow-up event without its kind, due time or report header");
    }
    Instant dueAt;
    try {
      dueAt = Instant.parse(due);
    } catch (java.time.format.DateTimeParseException e) {
      throw new RecordRefusedException("a follow-up event whose " + EventHeaders.DUE_TIME + " is not an instant");
    }
    return new io.pathtrack.notify.domain.FollowUpAlert(accession, kind, dueAt, report,
        Optional.ofNullable(EventHeaders.last(headers, EventHeaders.ORDERING_PRACTITIONER)));
  }

  /** Keeps the report version for the notification page (a retraction's body is kept too: the page says so). */
  private void keep(ClassifiedReportEvent event, DiagnosticReport body) {
    ReportHistory history = Optional.ofNullable(reports.get(event.accession()))
        .orElseGet(() -> ReportHistory.empty(event.accession()));
    reports.put(event.accession(), history.with(ReportReading.read(event, body)));
  }

  @Override
  protected void sweep() {
    Instant now = clock.instant();
    for (DueIndex.Entry entry : timers.due(now, 10_000)) {
      timers.remove(entry);
      EscalationTimer timer = EscalationTimer.of(entry);
      apply(engine.onDeadline(load(timer.accession()), timer, now), now);
    }
  }

  private void apply(NotificationEngine.Step step, Instant now) {
    store.put(step.state().accession(), StoredNotifications.of(step.state()));
    step.remove().forEach(t -> timers.remove(t.entry()));
    step.add().forEach(t -> timers.add(t.entry()));
    for (Notification n : step.publish()) {
      forward(n.accession(), NOTIFICATIONS, NotificationCommunications.json(n), NotificationCommunications.headers(n, source, now));
      String stepName = n.state().code();
      Optional<String> by = Optional.ofNullable(step.actedBy().get(n.id()));
      forward(n.accession(), AUDIT, AuditEvents.json(n, stepName, now, by.map(b -> "by " + b).orElse(null), by),
          AuditEvents.headers(n, stepName, source, now));
    }
  }

  private void forward(String key, int output, String value, Map<String, byte[]> headers) {
    context().forward(new Record<>(key, new RoutedRecord<>(output, value, headers), causeTime()));
  }

  private AccessionNotifications load(String accession) {
    StoredNotifications stored = store.get(accession);
    return stored == null ? AccessionNotifications.empty(accession) : stored.state();
  }

  private static java.util.List<String> careTeam(Headers headers) {
    String team = EventHeaders.last(headers, EventHeaders.CARE_TEAM);
    return team == null || team.isBlank() || team.length() > 4_000 ? java.util.List.of()
        : java.util.Arrays.stream(team.split(",")).map(String::trim).filter(r -> !r.isEmpty()).limit(20).toList();
  }

  private static java.util.List<String> copiesTo(Headers headers) {
    String copies = EventHeaders.last(headers, EventHeaders.COPIES_TO);
    return copies == null || copies.isBlank() ? java.util.List.of() : java.util.List.of(copies.split(","));
  }


}
