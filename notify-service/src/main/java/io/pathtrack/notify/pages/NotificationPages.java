package io.pathtrack.notify.pages;

import io.pathtrack.contract.Outcome;
import io.pathtrack.contract.Priority;
import io.pathtrack.guard.http.FhirIds;
import io.pathtrack.guard.http.InvalidRequestValue;
import io.pathtrack.guard.security.Caller;
import io.pathtrack.guard.security.RequiresScope;
import io.pathtrack.notify.NotifyProperties;
import io.pathtrack.notify.audit.AuditLog;
import io.pathtrack.notify.audit.AuditStep;
import io.pathtrack.notify.domain.Contact;
import io.pathtrack.notify.directory.PractitionerDirectory;
import io.pathtrack.notify.escalation.AcknowledgementController;
import io.pathtrack.notify.inbox.NotificationAccess;
import io.pathtrack.notify.domain.ReportHistory;
import io.pathtrack.notify.report.ReportStore;
import io.pathtrack.notify.inbox.NotificationLog;
import io.pathtrack.notify.domain.Notification;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The physician's pages (signed in with a session, {@code pathtrack.security.pages}): the inbox
 * {@code /ui/notifications} — their notifications and those of the practitioners they cover, what awaits
 * acknowledgement first — and one notification, {@code /ui/notifications/{id}}, with the report it is about (its
 * evidence, conclusion, full text and earlier versions, from {@link ReportStore}), who was told when and an
 * Acknowledge button. The same access rules as the API ({@link NotificationAccess}); the acknowledging identity is
 * the signed-in user's.
 */
@Controller
@ConditionalOnProperty(name = "pathtrack.security.pages.enabled", havingValue = "true")
@io.pathtrack.guard.security.PageController
class NotificationPages {
  private final NotificationLog log;
  private final NotificationAccess access;
  private final AcknowledgementController acknowledgements;
  private final AuditLog audit;
  private final PractitionerDirectory directory;
  private final Clock clock;
  private final NotifyProperties properties;
  private final ReportStore reports;
  private final io.pathtrack.notify.inbox.CriticalResultTimes criticalTimes;

  NotificationPages(NotificationLog log, NotificationAccess access, AcknowledgementController acknowledgements,
      AuditLog audit, PractitionerDirectory directory, Clock clock, NotifyProperties properties, ReportStore reports,
      io.pathtrack.notify.inbox.CriticalResultTimes criticalTimes) {
    this.reports = reports;
    this.criticalTimes = criticalTimes;
    this.log = log;
    this.access = access;
    this.acknowledgements = acknowledgements;
    this.audit = audit;
    this.directory = directory;
    this.clock = clock;
    this.properties = properties;
  }

  /**
   * Critical-result timing for the lab and the quality team: per department, the urgent results due for acknowledgement,
   * the share acknowledged within the deadline and the time it took. Whole-lab readers only.
   */
  @GetMapping("/ui/critical-results")
  @RequiresScope("Communication.s")
  String criticalResults(Model model) {
    if (!Caller.required().seesWholeLab()) {
      throw new io.pathtrack.guard.security.AccessRefused("the critical-result figures are for the laboratory and quality team");
    }
    model.addAttribute("departments", criticalTimes.byDepartment().values().stream().map(d -> new CriticalRow(d.name(),
        d.due(), d.withinDeadline(), Double.isNaN(d.share()) ? "—" : Math.round(d.share() * 1000) / 10.0 + " %",
        d.acknowledged() == 0 ? "—" : words(d.median()), d.acknowledged() == 0 ? "—" : words(d.ninetieth()),
        !Double.isNaN(d.share()) && d.share() < 0.9)).toList());
    return "pages/critical-results";
  }

  /** One department's line; {@code alarm} under 90 % within the deadline. */
  record CriticalRow(String department, long due, long within, String share, String median, String ninetieth,
      boolean alarm) {}

  private static String words(java.time.Duration d) {
    long minutes = d.toMinutes();
    return minutes < 60 ? minutes + " min" : minutes / 60 + " h " + minutes % 60 + " min";
  }

  @GetMapping("/ui/notifications")
  @RequiresScope("Communication.s")
  String inbox(@RequestParam(required = false) String state, @RequestParam(required = false) String priority,
      @RequestParam(required = false) String outcome, @RequestParam(required = false) String from,
      @RequestParam(required = false) String to, @RequestParam(required = false) String accession, Model model) {
    InboxFilter filter = InboxFilter.of(state, priority, outcome, from, to, properties.zone(), accession);
    rows(filter, model);
    model.addAttribute("filter", filter);
    model.addAttribute("states", InboxFilter.STATES);
    model.addAttribute("priorities", List.of(Priority.URGENT, Priority.HIGH, Priority.ROUTINE).stream().map(Priority::code).toList());
    model.addAttribute("outcomes", List.of(Outcome.values()).stream().map(Outcome::code).toList());
    return "pages/inbox";
  }

  /** The inbox's rows alone, for the page to replace when the live stream says something changed. */
  @GetMapping("/ui/notifications/rows")
  @RequiresScope("Communication.s")
  String inboxRows(@RequestParam(required = false) String state, @RequestParam(required = false) String priority,
      @RequestParam(required = false) String outcome, @RequestParam(required = false) String from,
      @RequestParam(required = false) String to, @RequestParam(required = false) String accession, Model model) {
    rows(InboxFilter.of(state, priority, outcome, from, to, properties.zone(), accession), model);
    return "pages/inbox :: rows";
  }

  private void rows(InboxFilter filter, Model model) {
    Caller caller = Caller.required();
    List<InboxRow> rows = log.all().stream()
        .filter(n -> access.maySee(caller, n))
        .filter(filter::accepts)
        .map(n -> InboxRow.of(n, clock.instant(), properties.zone()))
        .sorted(InboxRow.ORDER)
        .toList();
    model.addAttribute("rows", rows);
    model.addAttribute("awaiting", rows.stream().filter(r -> r.timeLeft().isPresent()).count());
    model.addAttribute("me", signedIn(caller));
  }

  @GetMapping("/ui/notifications/{id}")
  @RequiresScope("Communication.r")
  String notification(@PathVariable String id, Model model) {
    Caller caller = Caller.required();
    Notification n = access.visible(caller, find(id));
    model.addAttribute("row", InboxRow.of(n, clock.instant(), properties.zone()));
    model.addAttribute("trail", audit.about("Communication/" + n.id()).stream().map(AuditStep::of).toList());
    model.addAttribute("me", signedIn(caller));
    model.addAttribute("mayAcknowledge", n.state().isOpen() && caller.fhirUser().isPresent());
    model.addAttribute("mayDecline", caller.fhirUser().isPresent() && acknowledgements.declinable(n).isEmpty());
    report(n, model);
    return "pages/notification";
  }

  @PostMapping("/ui/notifications/{id}/acknowledge")
  @RequiresScope("Communication.u")
  String acknowledge(@PathVariable String id, HttpServletRequest request, RedirectAttributes redirect) {
    Notification n = find(id);
    String by = acknowledgements.acknowledger(n, Optional.empty(), "by", request);
    if (!acknowledgements.request(n, by)) {
      throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "the acknowledgement could not be recorded; try again");
    }
    redirect.addFlashAttribute("acknowledging", true);
    return "redirect:/ui/notifications/" + n.id();
  }

  /** "Not my patient": declines as the signed-in user; the engine reroutes it to the results desk. */
  @PostMapping("/ui/notifications/{id}/decline")
  @RequiresScope("Communication.u")
  String decline(@PathVariable String id, HttpServletRequest request, RedirectAttributes redirect) {
    Notification n = find(id);
    String by = acknowledgements.acknowledger(n, Optional.empty(), "by", request);
    acknowledgements.declinable(n).ifPresent(reason -> {
      throw new ResponseStatusException(HttpStatus.CONFLICT, reason);
    });
    if (!acknowledgements.decline(n, by)) {
      throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "the decline could not be recorded; try again");
    }
    redirect.addFlashAttribute("declining", true);
    return "redirect:/ui/notifications/" + n.id();
  }

  /** The report version the notification is about, the versions before it and what each amendment changed. */
  private void report(Notification n, Model model) {
    String prefix = "DiagnosticReport/";
    Optional<ReportHistory> history = n.reportReference().startsWith(prefix) ? reports.history(n.accession()) : Optional.empty();
    String reportId = n.reportReference().substring(n.reportReference().indexOf('/') + 1);
    model.addAttribute("aboutReport", n.reportReference().startsWith(prefix));
    model.addAttribute("report", history.flatMap(h -> h.find(reportId, n.reportVersion())).orElse(null));
    model.addAttribute("earlier", history.map(h -> h.earlier(reportId, n.reportVersion())).orElse(List.of()));
    model.addAttribute("changes", history.map(h -> h.changes(reportId, n.reportVersion())).orElse(List.of()));
  }

  private Notification find(String id) {
    FhirIds.problem(id).ifPresent(problem -> {
      throw new InvalidRequestValue("id", "the notification id in the address " + problem);
    });
    return log.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "there is no notification with this id"));
  }

  private String signedIn(Caller caller) {
    return caller.fhirUser().map(user -> directory.find(user).map(Contact::name).orElse(user)).orElse(caller.clientId());
  }
}
