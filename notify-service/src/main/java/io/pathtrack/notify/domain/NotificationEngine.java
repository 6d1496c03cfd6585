package io.pathtrack.notify.domain;

import io.pathtrack.contract.ClassifiedReportEvent;
import io.pathtrack.contract.Outcome;
import io.pathtrack.contract.Priority;
import io.pathtrack.notify.domain.Contact;
import io.pathtrack.notify.domain.Practitioners;
import io.pathtrack.notify.domain.DeliveryChannel;
import io.pathtrack.notify.domain.Notification;
import io.pathtrack.notify.domain.NotificationPolicy;
import io.pathtrack.notify.domain.NotificationState;
import io.pathtrack.notify.domain.Trigger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The notification rules of docs/architecture.md §6 as plain functions: an accession's notifications and an event in;
 * the new state, the notifications to publish and the deadlines to set or drop out. Who is told: the
 * ordering practitioner (from the report, else the specimen's order), their covering physician when
 * they are off duty for urgent and high results, then along the escalation chain when nobody
 * acknowledges; the results desk when no one can be found.
 */
public final class NotificationEngine {
  private final NotificationPolicy policy;
  private final Practitioners directory;

  public NotificationEngine(NotificationPolicy policy, Practitioners directory) {
    this.policy = policy;
    this.directory = directory;
  }

  /**
   * What one event changed.
   *
   * @param actedBy notification id → the practitioner who took the step it is published for, when that is not its
   *     recipient (who declined it); the audit trail names them
   */
  public record Step(AccessionNotifications state, List<Notification> publish, List<EscalationTimer> add,
      List<EscalationTimer> remove, Map<String, String> actedBy) {
    public Step {
      actedBy = Map.copyOf(actedBy);
    }

    public Step(AccessionNotifications state, List<Notification> publish, List<EscalationTimer> add, List<EscalationTimer> remove) {
      this(state, publish, add, remove, Map.of());
    }

    static Step none(AccessionNotifications state) {
      return new Step(state, List.of(), List.of(), List.of());
    }
  }

  public Step onOrderer(AccessionNotifications state, Optional<String> orderer) {
    return Step.none(orderer.map(state::withOrderer).orElse(state));
  }

  public Step onReport(AccessionNotifications state, ClassifiedReportEvent report, Instant now) {
    return onReport(state, report, List.of(), now);
  }

  /**
   * @param copiesTo practitioners who receive a copy of the result: told with the same priority and
   *     channels, without an acknowledgement deadline of their own (the ordering physician owns the result)
   */
  public Step onReport(AccessionNotifications state, ClassifiedReportEvent report, List<String> copiesTo, Instant now) {
    if (state.notified(report.reportId(), report.reportVersion())) {
      return Step.none(state);
    }
    AccessionNotifications next = state.withReportVersion(report.reportId(), report.reportVersion());
    if (report.retraction()) {
      return retract(next, report.reportReference());
    }
    boolean changed = report.outcomeChanged();
    Trigger trigger = changed ? Trigger.OUTCOME_CHANGED : Trigger.RESULT;
    // An outcome changed by an amendment is urgent whatever it changed to (docs/architecture.md §6).
    Priority priority = changed ? Priority.URGENT : policy.priority(report.outcome());
    Set<DeliveryChannel> wanted = changed ? policy.channels(Outcome.MALIGNANT) : policy.channels(report.outcome());
    Optional<String> earlier = changed ? latestFor(state, report.reportReference()) : Optional.empty();

    Optional<Contact> orderer = report.orderingPractitioner().or(() -> Optional.ofNullable(state.orderer()))
        .flatMap(directory::find);
    Contact to = orderer.orElse(directory.fallback());
    if (priority != Priority.ROUTINE && !directory.onDuty(to, now)) {
      to = to.covering().flatMap(directory::find).orElse(to);
    }
    Notification n = notification(id(report.reportId() + "|" + report.reportVersion(), to.reference(), trigger),
        report.accession(), report.reportReference(), report.reportVersion(), report.outcome(), report.needsReview(),
        priority, to, orderer.isEmpty(), NotificationPolicy.channelsFor(wanted, to), now, trigger, 0, earlier);
    Step step = created(next, n, now);
    List<Notification> publish = new ArrayList<>(step.publish());
    AccessionNotifications withCopies = step.state();
    for (String copy : copiesTo) {
      Optional<Contact> cc = directory.find(copy.trim()).filter(c -> !c.reference().equals(n.recipient()));
      if (cc.isPresent()) {
        Notification copyNote = new Notification(id(report.reportId() + "|" + report.reportVersion(), cc.get().reference(),
            trigger), report.accession(), report.reportReference(), report.reportVersion(), report.outcome(),
            report.needsReview(), priority, cc.get().reference(), cc.get().name(), false,
            NotificationPolicy.channelsFor(wanted, cc.get()), NotificationState.CREATED, now, Optional.empty(), Optional.empty(),
            trigger, 0, Optional.empty(), Optional.empty(), earlier);
        if (withCopies.find(copyNote.id()).isEmpty()) {
          withCopies = withCopies.with(copyNote);
          publish.add(copyNote);
        }
      }
    }
    return new Step(withCopies, publish, step.add(), step.remove());
  }

  public Step onSla(AccessionNotifications state, SlaAlert alert, Instant now) {
    AccessionNotifications next = state;
    List<Notification> publish = new ArrayList<>();
    List<EscalationTimer> timers = new ArrayList<>();
    Trigger trigger = alert.breach() ? Trigger.SLA_BREACH : Trigger.SLA_WARNING;
    String reference = "Specimen/" + alert.accession();
    // The lab is told of warnings and breaches and must acknowledge; the ordering physician, of breaches, for information.
    Optional<Contact> lab = directory.labContact();
    if (lab.isPresent()) {
      Step step = created(next, notification(id(alert.eventId(), lab.get().reference(), trigger), alert.accession(),
          reference, alert.dueAt().toString(), Outcome.ATYPICAL, false, Priority.HIGH, lab.get(), false,
          NotificationPolicy.channelsFor(EnumSet.of(DeliveryChannel.INBOX, DeliveryChannel.EMAIL), lab.get()), now, trigger, 0,
          Optional.empty()), now);
      next = step.state();
      publish.addAll(step.publish());
      timers.addAll(step.add());
    }
    if (alert.breach()) {
      Optional<Contact> orderer = alert.orderingPractitioner().or(() -> Optional.ofNullable(state.orderer()))
          .flatMap(directory::find);
      if (orderer.isPresent()) {
        Notification info = notification(id(alert.eventId(), orderer.get().reference(), trigger), alert.accession(),
            reference, alert.dueAt().toString(), Outcome.ATYPICAL, false, Priority.ROUTINE, orderer.get(), false,
            NotificationPolicy.channelsFor(EnumSet.of(DeliveryChannel.INBOX, DeliveryChannel.EMAIL), orderer.get()), now, trigger, 0,
            Optional.empty());
        if (next.find(info.id()).isEmpty()) {
          next = next.with(info);
          publish.add(info);
        }
      }
    }
    return new Step(next, publish, timers, List.of());
  }

  /** Acknowledged by its recipient or someone on their behalf: every notification of that report version is settled. */
  public Step onAcknowledged(AccessionNotifications state, String notificationId, String by, Instant now) {
    Optional<Notification> acked = state.find(notificationId);
    if (acked.isEmpty()) {
      return Step.none(state);
    }
    AccessionNotifications next = state;
    List<Notification> publish = new ArrayList<>();
    List<EscalationTimer> remove = new ArrayList<>();
    for (Notification n : state.all()) {
      boolean sameCase = n.reportReference().equals(acked.get().reportReference())
          && n.reportVersion().equals(acked.get().reportVersion());
      if (sameCase && (n.state().isOpen() || n.state() == NotificationState.ESCALATED)) {
        Notification done = n.acknowledged(by);
        next = next.with(done);
        publish.add(done);
        n.ackDeadline().ifPresent(at -> remove.add(new EscalationTimer(at, n.accession(), n.id())));
      }
    }
    return new Step(next, publish, List.of(), remove);
  }

  /**
   * Its recipient (or the practitioner covering them) says it is not their patient: the notification is declined,
   * its deadline dropped, and at once the results desk gets a new one in its place (same priority, its own deadline;
   * {@code replaces} the declined one) and the lab contact a routine notice. A notification that is no longer open,
   * or one addressed to the results desk itself (there is nobody further to reroute to), is left as it is.
   */
  public Step onDeclined(AccessionNotifications state, String notificationId, String by, Instant now) {
    Optional<Notification> found = state.find(notificationId);
    Contact desk = directory.fallback();
    if (found.isEmpty() || !found.get().state().isOpen() || found.get().recipient().equals(desk.reference())) {
      return Step.none(state);
    }
    Notification n = found.get();
    Notification declined = n.withState(NotificationState.DECLINED);
    Notification rerouted = notification(id(n.id(), desk.reference(), Trigger.DECLINED), n.accession(), n.reportReference(),
        n.reportVersion(), n.outcome(), n.needsReview(), n.priority(), desk, true, NotificationPolicy.channelsFor(n.channels(), desk),
        now, Trigger.DECLINED, n.escalationLevel(), Optional.of(n.id()));
    Step step = created(state.with(declined), rerouted, now);
    AccessionNotifications next = step.state();
    List<Notification> publish = new ArrayList<>();
    publish.add(declined);
    publish.addAll(step.publish());
    Optional<Contact> lab = directory.labContact();
    if (lab.isPresent()) {
      Notification notice = notification(id(n.id(), lab.get().reference(), Trigger.DECLINED_NOTICE), n.accession(),
          n.reportReference(), n.reportVersion(), n.outcome(), n.needsReview(), Priority.ROUTINE, lab.get(), false,
          NotificationPolicy.channelsFor(EnumSet.of(DeliveryChannel.INBOX, DeliveryChannel.EMAIL), lab.get()), now,
          Trigger.DECLINED_NOTICE, 0, Optional.of(n.id()));
      if (next.find(notice.id()).isEmpty()) {
        next = next.with(notice);
        publish.add(notice);
      }
    }
    List<EscalationTimer> remove = n.ackDeadline().map(at -> List.of(new EscalationTimer(at, n.accession(), n.id()))).orElse(List.of());
    return new Step(next, publish, step.add(), remove, Map.of(n.id(), by));
  }

  /** A deadline passed: if still unacknowledged, the next in the chain is told. */
  public Step onDeadline(AccessionNotifications state, EscalationTimer timer, Instant now) {
    Optional<Notification> found = state.find(timer.notificationId());
    if (found.isEmpty() || !found.get().state().isOpen()) {
      return Step.none(state);
    }
    Notification n = found.get();
    Contact current = directory.find(n.recipient()).orElse(directory.fallback());
    List<Contact> chain = directory.chain(directory.find(chainStart(state, n)).orElse(current));
    int at = indexOf(chain, current.reference());
    if (at < 0 || at + 1 >= chain.size()) {
      return Step.none(state);
    }
    Contact to = chain.get(at + 1);
    Notification escalated = n.withState(NotificationState.ESCALATED);
    Notification next = notification(id(n.id(), to.reference(), Trigger.ESCALATION), n.accession(), n.reportReference(),
        n.reportVersion(), n.outcome(), n.needsReview(), n.priority(), to, to.reference().equals(directory.fallback().reference()),
        NotificationPolicy.channelsFor(n.channels(), to), now, Trigger.ESCALATION, n.escalationLevel() + 1, Optional.of(n.id()));
    Step step = created(state.with(escalated), next, now);
    List<Notification> publish = new ArrayList<>();
    publish.add(escalated);
    publish.addAll(step.publish());
    return new Step(step.state(), publish, step.add(), List.of());
  }

  private Step retract(AccessionNotifications state, String reportReference) {
    AccessionNotifications next = state;
    List<Notification> publish = new ArrayList<>();
    List<EscalationTimer> remove = new ArrayList<>();
    for (Notification n : state.all()) {
      if (n.reportReference().equals(reportReference) && n.state() != NotificationState.RETRACTED) {
        Notification retracted = n.withState(NotificationState.RETRACTED);
        next = next.with(retracted);
        publish.add(retracted);
        n.ackDeadline().ifPresent(at -> remove.add(new EscalationTimer(at, n.accession(), n.id())));
      }
    }
    return new Step(next, publish, List.of(), remove);
  }

  private Step created(AccessionNotifications state, Notification n, Instant now) {
    if (state.find(n.id()).isPresent()) {
      return Step.none(state);
    }
    List<EscalationTimer> add = n.ackDeadline().map(at -> List.of(new EscalationTimer(at, n.accession(), n.id()))).orElse(List.of());
    return new Step(state.with(n), List.of(n), add, List.of());
  }

  private Notification notification(String id, String accession, String reference, String version, Outcome outcome,
      boolean needsReview, Priority priority, Contact to, boolean fallback, Set<DeliveryChannel> channels, Instant now,
      Trigger trigger, int level, Optional<String> replaces) {
    return new Notification(id, accession, reference, version, outcome, needsReview, priority, to.reference(), to.name(),
        fallback, channels, NotificationState.CREATED, now, Optional.empty(), Optional.empty(), trigger, level,
        policy.acknowledgeBy(priority, now), Optional.empty(), replaces);
  }

  /** The first recipient of the notification's case: where its chain starts. */
  private static String chainStart(AccessionNotifications state, Notification n) {
    Notification first = n;
    while (first.replaces().isPresent() && first.trigger() == Trigger.ESCALATION) {
      Optional<Notification> earlier = state.find(first.replaces().get());
      if (earlier.isEmpty()) {
        break;
      }
      first = earlier.get();
    }
    return first.recipient();
  }

  private static int indexOf(List<Contact> chain, String reference) {
    for (int i = 0; i < chain.size(); i++) {
      if (chain.get(i).reference().equals(reference)) {
        return i;
      }
    }
    return -1;
  }

  private static Optional<String> latestFor(AccessionNotifications state, String reportReference) {
    List<Notification> all = state.all();
    for (int i = all.size() - 1; i >= 0; i--) {
      if (all.get(i).reportReference().equals(reportReference) && all.get(i).escalationLevel() == 0) {
        return Optional.of(all.get(i).id());
      }
    }
    return Optional.empty();
  }

  /** Stable per case, recipient and trigger, so a redelivered event yields the same id. */
  static String id(String caseKey, String recipient, Trigger trigger) {
    return UUID.nameUUIDFromBytes((caseKey + "|" + recipient + "|" + trigger.code()).getBytes(StandardCharsets.UTF_8)).toString();
  }
}
