package io.pathtrack.specimen.pages;

import io.pathtrack.specimen.domain.TurnaroundCompliance;
import io.pathtrack.contract.Accessions;
import io.pathtrack.contract.ProcedureType;
import io.pathtrack.guard.http.InvalidRequestValue;
import io.pathtrack.guard.security.AccessRefused;
import io.pathtrack.guard.security.Caller;
import io.pathtrack.guard.security.RequiresScope;
import io.pathtrack.specimen.SpecimenProperties;
import io.pathtrack.specimen.registration.SpecimenStore;
import io.pathtrack.specimen.sla.SlaProperties;
import io.pathtrack.specimen.domain.SpecimenRecord;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The lab's pages (signed in with a session, {@code pathtrack.security.pages}): the turnaround board
 * {@code /ui/board} — open specimens, least time left first — the compliance page {@code /ui/compliance}, and one
 * specimen's timeline, {@code /ui/specimens/{accession}}. The lab manager and the results desk see every specimen, a
 * physician those they ordered ({@link Caller#mayView}), as with the API.
 */
@Controller
@ConditionalOnProperty(name = "pathtrack.security.pages.enabled", havingValue = "true")
@io.pathtrack.guard.security.PageController
class LabPages {
  private final SpecimenStore store;
  private final Clock clock;
  private final ZoneId zone;
  private final SpecimenProperties properties;

  LabPages(SpecimenStore store, Clock clock, SlaProperties sla, SpecimenProperties properties) {
    this.store = store;
    this.clock = clock;
    this.zone = sla.calendar().zone();
    this.properties = properties;
  }

  @GetMapping("/ui/board")
  @RequiresScope("Specimen.s")
  String board(@RequestParam(required = false) String procedure, @RequestParam(required = false) String state, Model model) {
    BoardFilter filter = BoardFilter.of(procedure, state);
    rows(filter, model);
    model.addAttribute("filter", filter);
    model.addAttribute("procedures", Arrays.stream(ProcedureType.values()).toList());
    model.addAttribute("states", BoardFilter.STATES);
    // The critical-result timing figures are notify-service's (it holds the acknowledgements): the board links to them.
    model.addAttribute("criticalResults", properties.notifyPagesUrl().resolve("/ui/critical-results").toString());
    return "pages/board";
  }

  /** The board's rows alone, which the page fetches every few seconds and puts in place. */
  @GetMapping("/ui/board/rows")
  @RequiresScope("Specimen.s")
  String boardRows(@RequestParam(required = false) String procedure, @RequestParam(required = false) String state,
      Model model) {
    rows(BoardFilter.of(procedure, state), model);
    return "pages/board :: rows";
  }

  private void rows(BoardFilter filter, Model model) {
    Caller caller = Caller.required();
    Instant now = clock.instant();
    List<BoardRow> rows = store.where(r -> r.slaState().isOpen() && caller.mayView(r.orderingPractitioner()))
        .stream()
        .filter(filter::accepts)
        .map(r -> BoardRow.of(r, now, zone))
        .sorted(BoardRow.ORDER)
        .toList();
    model.addAttribute("rows", rows);
    model.addAttribute("breached", rows.stream().filter(BoardRow::breached).count());
    model.addAttribute("warning", rows.stream().filter(BoardRow::warning).count());
    model.addAttribute("asOf", BoardRow.WHEN.format(now.atZone(zone)));
    model.addAttribute("me", signedIn(caller));
  }

  @GetMapping("/ui/compliance")
  @RequiresScope("Specimen.s")
  String compliance(Model model) {
    Caller caller = Caller.required();
    Instant now = clock.instant();
    TurnaroundCompliance compliance = TurnaroundCompliance.of(store.where(r -> caller.mayView(r.orderingPractitioner())), now);
    model.addAttribute("compliance", compliance);
    model.addAttribute("chart", TurnaroundChart.of(compliance));
    model.addAttribute("zone", zone);
    model.addAttribute("asOf", BoardRow.WHEN.format(now.atZone(zone)));
    model.addAttribute("me", signedIn(caller));
    return "pages/compliance";
  }

  @GetMapping("/ui/specimens/{accession}")
  @RequiresScope("Specimen.r")
  String specimen(@PathVariable String accession, Model model) {
    Accessions.problem(accession).ifPresent(problem -> {
      throw new InvalidRequestValue("accession", "the accession in the address " + problem);
    });
    Caller caller = Caller.required();
    SpecimenRecord record = store.find(accession)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "there is no specimen with this accession"));
    if (!caller.mayView(record.orderingPractitioner())) {
      throw new AccessRefused("not your patient: this specimen was ordered by another practitioner");
    }
    Instant now = clock.instant();
    model.addAttribute("specimen", record);
    model.addAttribute("received", BoardRow.receivedTime(record).map(at -> BoardRow.WHEN.format(at.atZone(zone))).orElse("not recorded"));
    model.addAttribute("row", record.slaState().isOpen() ? BoardRow.of(record, now, zone) : null);
    model.addAttribute("plan", record.plan() == null ? null : new PlanTimes(
        BoardRow.WHEN.format(record.plan().start().atZone(zone)), BoardRow.WHEN.format(record.plan().warningAt().atZone(zone)),
        BoardRow.WHEN.format(record.plan().dueAt().atZone(zone)), record.plan().target()));
    model.addAttribute("timeline", record.timeline().stream()
        .map(e -> new TimelineLine(BoardRow.WHEN.format(e.at().atZone(zone)), TimelineLine.label(e.event()), e.detail(),
            e.event().startsWith("sla-breach") || e.event().equals("sla-late")))
        .toList());
    model.addAttribute("notifications", UriComponentsBuilder.fromUri(properties.notifyPagesUrl())
        .queryParam("accession", accession).encode().build().toUriString());
    model.addAttribute("concordance", io.pathtrack.contract.Concordance.readFrom(
        io.pathtrack.contract.SpecimenOrders.parse(record.specimenJson())).map(ConcordanceView::of).orElse(null));
    model.addAttribute("followUps", record.followUps().stream().map(f -> new FollowUpLine(
        TimelineLine.label(f.kind()), f.reportReference(), BoardRow.WHEN.format(f.dueAt().atZone(zone)), f.status().code(),
        f.status() == io.pathtrack.specimen.domain.FollowUpTask.Status.OVERDUE)).toList());
    model.addAttribute("me", signedIn(caller));
    return "pages/specimen";
  }

  /** Radiology-pathology concordance in words; {@code alarm} when a person must act. */
  record ConcordanceView(String state, String category, String calcifications, java.util.List<String> findings,
      boolean alarm) {
    static ConcordanceView of(io.pathtrack.contract.Concordance c) {
      return new ConcordanceView(TimelineLine.label(c.state().code()),
          c.category().map(io.pathtrack.contract.ImagingCategory::display).orElse("not stated in the order"),
          switch (c.calcifications()) {
            case NOT_TARGETED -> "not the target";
            case CONFIRMED -> "target; confirmed in the specimen";
            case NOT_CONFIRMED -> "target; not confirmed in the specimen";
          }, c.findings(), c.needsAction());
    }
  }

  /** A recommended follow-up in words; {@code alarm} when overdue. */
  record FollowUpLine(String what, String report, String due, String status, boolean alarm) {}

  /** A started clock's times, in the calendar's zone. */
  record PlanTimes(String start, String warning, String due, String target) {}

  /** One timeline line in words; {@code alarm} for a breach or a late report. */
  record TimelineLine(String when, String what, String detail, boolean alarm) {
    static String label(String event) {
      return switch (event) {
        case "clock-started" -> "Turnaround clock started";
        case "clock-stopped" -> "Turnaround clock stopped";
        case "sla-warning" -> "Turnaround warning";
        case "sla-breach" -> "Turnaround breached";
        case "sla-met" -> "Reported within target";
        case "sla-late" -> "Reported late";
        default -> Character.toUpperCase(event.charAt(0)) + event.substring(1).replace('-', ' ');
      };
    }
  }

  private static String signedIn(Caller caller) {
    return caller.fhirUser().orElse(caller.clientId());
  }
}
