package io.pathtrack.notify.domain;

import io.pathtrack.contract.ClassifiedReportEvent;
import io.pathtrack.contract.Discipline;
import io.pathtrack.contract.ReportCues;
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

  /**
   * A specimen event: who ordered it; a rejected or cancelled specimen, told to the ordering physician with its reason
   * (a new specimen must be obtained); and the radiology-pathology concordance of its final report (docs/architecture.md
   * §4a): discordant is urgent to the ordering physician and the radiologist who performed the biopsy, acknowledged
   * and escalated like a malignant result; one for review (or calcifications not confirmed) goes to the radiologist,
   * high priority, or to the ordering physician when no radiologist is named.
   */
  public Step onSpecimen(AccessionNotifications state, SpecimenFacts facts, Instant now) {
    AccessionNotifications next = facts.orderer().map(state::withOrderer).orElse(state);
    List<Notification> publish = new ArrayList<>();
    List<EscalationTimer> add = new ArrayList<>();
    Optional<Contact> orderer = facts.orderer().or(() -> Optional.ofNullable(state.orderer())).flatMap(directory::find);
    if (facts.closedAs().isPresent()) {
      boolean rejected = facts.closedAs().get().equals("rejected");
      Trigger trigger = rejected ? Trigger.SPECIMEN_REJECTED : Trigger.SPECIMEN_CANCELLED;
      Contact intended = orderer.orElse(directory.fallback());
      Contact to = onDutyFor(intended, Priority.HIGH, now);
      String reference = "Specimen/" + state.accession();
      // The id names whom it was meant for, not who covered: a later event is the same notification whoever is on duty.
      Notification n = notification(id(reference + "|" + trigger.code(), intended.reference(), trigger), state.accession(),
          reference, facts.closedAs().get(), Outcome.NONDIAGNOSTIC, false, Priority.HIGH, to, orderer.isEmpty(),
          NotificationPolicy.channelsFor(EnumSet.of(DeliveryChannel.INBOX, DeliveryChannel.EMAIL), to), now, trigger, 0,
          Optional.empty())
          .withNote((rejected ? "The laboratory rejected the specimen" : "The specimen was cancelled")
              + facts.reason().map(r -> ": " + r).orElse(" (no reason given)") + ". A new specimen must be obtained.");
      Step step = created(next, n, now);
      next = step.state();
      publish.addAll(step.publish());
      add.addAll(step.add());
    }
    Optional<io.pathtrack.contract.Concordance> concordance = facts.concordance()
        .filter(io.pathtrack.contract.Concordance::needsAction);
    if (concordance.isPresent()) {
      io.pathtrack.contract.Concordance c = concordance.get();
      boolean discordant = c.state() == io.pathtrack.contract.Concordance.State.DISCORDANT;
      Trigger trigger = discordant ? Trigger.DISCORDANT : Trigger.CONCORDANCE_REVIEW;
      Priority priority = discordant ? Priority.URGENT : Priority.HIGH;
      Set<DeliveryChannel> wanted = discordant ? policy.channels(Outcome.MALIGNANT)
          : EnumSet.of(DeliveryChannel.INBOX, DeliveryChannel.EMAIL);
      Optional<Contact> radiologist = facts.performer().flatMap(directory::find);
      List<Contact> recipients = new ArrayList<>();
      if (discordant || radiologist.isEmpty()) {
        recipients.add(orderer.orElse(directory.fallback()));
      }
      radiologist.filter(r -> recipients.stream().noneMatch(o -> o.reference().equals(r.reference())))
          .ifPresent(recipients::add);
      String note = String.join("; ", c.findings()) + ".";
      for (Contact recipient : recipients) {
        Contact to = onDutyFor(recipient, priority, now);
        Notification n = notification(id(c.reportReference() + "|" + c.reportVersion() + "|concordance", recipient.reference(),
            trigger), state.accession(), c.reportReference(), c.reportVersion(), c.outcome(), false, priority, to,
            orderer.isEmpty() && radiologist.isEmpty(), NotificationPolicy.channelsFor(wanted, to), now, trigger, 0,
            Optional.empty()).withNote(note);
        Step step = created(next, n, now);
        next = step.state();
        publish.addAll(step.publish());
        add.addAll(step.add());
      }
    }
    return new Step(next, publish, add, List.of());
  }

  /**
   * A follow-up the report recommended is past its due date: the ordering physician is told (high, inbox + email, to be
   * acknowledged). Its case is the follow-up ({@code follow-up:<kind>} as its version), settled apart from the result.
   */
  public Step onFollowUpOverdue(AccessionNotifications state, FollowUpAlert alert, Instant now) {
    Optional<Contact> orderer = alert.orderingPractitioner().or(() -> Optional.ofNullable(state.orderer()))
        .flatMap(directory::find);
    Contact intended = orderer.orElse(directory.fallback());
    Contact to = onDutyFor(intended, Priority.HIGH, now);
    String version = "follow-up:" + alert.kind();
    Notification n = notification(id(alert.reportReference() + "|" + version + "|" + alert.dueAt(), intended.reference(),
        Trigger.FOLLOW_UP_OVERDUE), alert.accession(), alert.reportReference(), version, Outcome.ATYPICAL, false,
        Priority.HIGH, to, orderer.isEmpty(),
        NotificationPolicy.channelsFor(EnumSet.of(DeliveryChannel.INBOX, DeliveryChannel.EMAIL), to), now,
        Trigger.FOLLOW_UP_OVERDUE, 0, Optional.empty())
        .withNote("Recommended follow-up overdue: " + alert.kindInWords() + ", due " + alert.dueAt()
            + ". Arrange it, or have it closed as done or no longer needed.");
    return created(state, n, now);
  }

  private static String cultureNote(ClassifiedReportEvent report, ReportCues cues) {
    String result = cues.culture().orElse("unknown");
    return "Microbiology culture" + (report.isFinal() ? "" : " (" + report.reportStatus() + ")") + ": " + switch (result) {
      case "growth" -> "growth (positive culture): see the organism and susceptibilities in the report below.";
      case "no-growth" -> "no growth.";
      default -> "the result could not be read: see the report below.";
    };
  }

  private static String amendedNote(ClassifiedReportEvent report) {
    return "Amended report: version " + report.reportVersion() + " (" + report.reportStatus() + ") replaces version "
        + report.replacesVersion().orElse("?")
        + report.previousOutcome().map(p -> p == report.outcome() ? "; the outcome is unchanged ("
            + report.outcome().code() + ")" : "; the outcome changed from " + p.code() + " to " + report.outcome().code())
            .orElse("") + ". You were told of the earlier version, or are in the patient's care team.";
  }

  /** A follow-up completed or cancelled: its overdue notices (and their escalations) are settled and stop escalating. */
  public Step onFollowUpClosed(AccessionNotifications state, FollowUpAlert alert, Instant now) {
    String version = "follow-up:" + alert.kind();
    AccessionNotifications next = state;
    List<Notification> publish = new ArrayList<>();
    List<EscalationTimer> remove = new ArrayList<>();
    for (Notification n : state.all()) {
      if (n.reportReference().equals(alert.reportReference()) && n.reportVersion().equals(version)
          && (n.state().isOpen() || n.state() == NotificationState.ESCALATED)) {
        Notification done = n.acknowledged("follow-up closed", now);
        next = next.with(done);
        publish.add(done);
        n.ackDeadline().ifPresent(at -> remove.add(new EscalationTimer(at, n.accession(), n.id())));
      }
    }
    return new Step(next, publish, List.of(), remove);
  }

  /** For urgent and high priority, an off-duty recipient's covering physician. */
  private Contact onDutyFor(Contact to, Priority priority, Instant now) {
    if (priority != Priority.ROUTINE && !directory.onDuty(to, now)) {
      return to.covering().flatMap(directory::find).orElse(to);
    }
    return to;
  }

  public Step onReport(AccessionNotifications state, ClassifiedReportEvent report, Instant now) {
    return onReport(state, report, List.of(), now);
  }

  /**
   * @param copiesTo practitioners who receive a copy of the result: told with the same priority and
   *     channels, without an acknowledgement deadline of their own (the ordering physician owns the result)
   */
  public Step onReport(AccessionNotifications state, ClassifiedReportEvent report, List<String> copiesTo, Instant now) {
    return onReport(state, report, copiesTo, List.of(), now);
  }

  /**
   * @param careTeam the order's care team and the patient's attending, as the report names them: told of amendments
   *     (an amended report must follow the patient), with everyone told of an earlier version of the same report
   */
  public Step onReport(AccessionNotifications state, ClassifiedReportEvent report, List<String> copiesTo,
      List<String> careTeam, Instant now) {
    return onReport(state, report, copiesTo, careTeam, ReportCues.none(), now);
  }

  /**
   * @param cues the report's discipline and culture result: a culture is notified by its result (growth high, a final
   *     no growth routine, a preliminary no growth or a pending culture not at all), not by the histology policy
   */
  public Step onReport(AccessionNotifications state, ClassifiedReportEvent report, List<String> copiesTo,
      List<String> careTeam, ReportCues cues, Instant now) {
    if (state.notified(report.reportId(), report.reportVersion())) {
      return Step.none(state);
    }
    boolean culture = cues.discipline() == Discipline.MICROBIOLOGY && !report.retraction();
    if (culture && !report.outcomeChanged() && !cues.cultureGrowth()
        && (cues.culture().map("pending"::equals).orElse(false)
            || cues.culture().map("no-growth"::equals).orElse(false) && !report.isFinal())) {
      // Nothing to act on yet: the final result will be told.
      return Step.none(state.withReportVersion(report.reportId(), report.reportVersion()));
    }
    boolean later = report.replacesVersion().isPresent() && !report.retraction();
    boolean amendment = later && java.util.Set.of("amended", "corrected", "appended").contains(report.reportStatus());
    if (later) {
      java.util.LinkedHashSet<String> told = new java.util.LinkedHashSet<>(copiesTo);
      told.addAll(careTeam);
      // Everyone told of an earlier version: first recipients, copies, those escalated or rerouted to.
      state.all().stream().filter(n -> n.reportReference().equals(report.reportReference())
              && !n.reportVersion().equals(report.reportVersion()) && n.state() != NotificationState.RETRACTED
              && n.state() != NotificationState.DECLINED && !n.trigger().concordance()
              && n.trigger() != Trigger.DECLINED_NOTICE)
          .map(Notification::recipient).forEach(told::add);
      copiesTo = List.copyOf(told);
    }
    AccessionNotifications next = state.withReportVersion(report.reportId(), report.reportVersion());
    if (report.retraction()) {
      return retract(next, report.reportReference());
    }
    boolean changed = report.outcomeChanged();
    // A nondiagnostic result is its own notification: a repeat biopsy must be arranged (docs/architecture.md §6).
    Trigger trigger = changed ? Trigger.OUTCOME_CHANGED
        : culture ? Trigger.CULTURE
        : report.outcome() == Outcome.NONDIAGNOSTIC ? Trigger.NONDIAGNOSTIC
        : amendment ? Trigger.AMENDED : Trigger.RESULT;
    // An outcome changed by an amendment is urgent whatever it changed to (docs/architecture.md §6). A positive culture
    // (or one nothing could place) is high; a final no growth routine.
    boolean cultureHigh = culture && (cues.cultureGrowth() || report.needsReview());
    Priority priority = changed ? Priority.URGENT
        : culture ? (cultureHigh ? Priority.HIGH : Priority.ROUTINE) : policy.priority(report.outcome());
    Set<DeliveryChannel> wanted = changed ? policy.channels(Outcome.MALIGNANT)
        : culture ? (cultureHigh ? policy.channels(Outcome.ATYPICAL) : policy.channels(Outcome.BENIGN))
        : policy.channels(report.outcome());
    Optional<String> earlier = changed || amendment ? latestFor(state, report.reportReference()) : Optional.empty();

    Optional<Contact> orderer = report.orderingPractitioner().or(() -> Optional.ofNullable(state.orderer()))
        .flatMap(directory::find);
    Contact to = orderer.orElse(directory.fallback());
    if (priority != Priority.ROUTINE && !directory.onDuty(to, now)) {
      to = to.covering().flatMap(directory::find).orElse(to);
    }
    Notification first = notification(id(report.reportId() + "|" + report.reportVersion(), to.reference(), trigger),
        report.accession(), report.reportReference(), report.reportVersion(), report.outcome(), report.needsReview(),
        priority, to, orderer.isEmpty(), NotificationPolicy.channelsFor(wanted, to), now, trigger, 0, earlier);
    Notification n = trigger == Trigger.NONDIAGNOSTIC
        ? first.withNote("Nondiagnostic specimen: the sample cannot answer the clinical question; arrange a repeat biopsy"
            + " (the report's evidence is shown below).")
        : culture ? first.withNote(cultureNote(report, cues))
        : amendment ? first.withNote(amendedNote(report)) : first;
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
        if (amendment || trigger == Trigger.NONDIAGNOSTIC) {
          copyNote = copyNote.withNote(n.note().orElse(null));
        }
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
    Trigger root = rootTrigger(state, acked.get());
    boolean concordance = root.concordance();
    String chain = chainStart(state, acked.get());
    for (Notification n : state.all()) {
      // A concordance question is settled apart from the result: acknowledging a benign result must not settle the
      // discordance of that same result (nor the other way round). A discordance asks both the ordering physician and
      // the radiologist to act: each one's chain is settled by its own acknowledgement. A notice for information (the
      // lab told of a decline) settles only itself.
      Trigger nRoot = rootTrigger(state, n);
      boolean sameCase = n.reportReference().equals(acked.get().reportReference())
          && n.reportVersion().equals(acked.get().reportVersion())
          && nRoot.concordance() == concordance
          && (root != Trigger.DISCORDANT || chainStart(state, n).equals(chain))
          && (root == Trigger.DECLINED_NOTICE) == (nRoot == Trigger.DECLINED_NOTICE)
          && (root != Trigger.DECLINED_NOTICE || n.id().equals(acked.get().id()));
      if (sameCase && (n.state().isOpen() || n.state() == NotificationState.ESCALATED)) {
        Notification done = n.acknowledged(by, now);
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
        now, Trigger.DECLINED, n.escalationLevel(), Optional.of(n.id())).withNote(n.note().orElse(null));
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
        NotificationPolicy.channelsFor(n.channels(), to), now, Trigger.ESCALATION, n.escalationLevel() + 1, Optional.of(n.id()))
        .withNote(n.note().orElse(null));
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

  /** The trigger of the first notification of a chain of escalations and reroutes: what the case is about. */
  private static Trigger rootTrigger(AccessionNotifications state, Notification n) {
    Notification first = n;
    for (int hops = 0; hops < 64 && first.replaces().isPresent()
        && (first.trigger() == Trigger.ESCALATION || first.trigger() == Trigger.DECLINED); hops++) {
      // A DECLINED_NOTICE replaces nothing of its chain: it is its own root (it names the declined one only as a reference).
      Optional<Notification> earlier = state.find(first.replaces().get());
      if (earlier.isEmpty()) {
        break;
      }
      first = earlier.get();
    }
    return first.trigger();
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
