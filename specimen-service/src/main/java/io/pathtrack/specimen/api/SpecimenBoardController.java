package io.pathtrack.specimen.api;

import io.pathtrack.guard.security.AccessRefused;
import io.pathtrack.guard.security.Caller;
import io.pathtrack.guard.security.RequiresScope;
import io.pathtrack.specimen.registration.SpecimenStore;
import io.pathtrack.specimen.domain.SpecimenRecord;
import io.pathtrack.specimen.domain.TimelineEntry;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * What a lab manager looks at: the open specimens ordered by due time with their state, and one
 * specimen's timeline.
 */
@RestController
@RequestMapping("/specimens")
class SpecimenBoardController {
  private final SpecimenStore store;

  SpecimenBoardController(SpecimenStore store) {
    this.store = store;
  }

  /** A specimen as the board shows it. */
  record SpecimenView(String accession, String lifecycle, String procedure, boolean procedureUnmapped, String priority,
      String orderingPractitioner, boolean unregistered, String sla, String target, Instant clockStart,
      Instant warningAt, Instant dueAt, List<TimelineEntry> timeline,
      List<io.pathtrack.specimen.domain.FollowUpTask> followUps) {

    static SpecimenView of(SpecimenRecord r, boolean withTimeline) {
      return new SpecimenView(r.accession(), r.lifecycle(), r.procedure().code(), r.procedureUnmapped(), r.priority().code(),
          r.orderingPractitioner(), r.unregistered(), r.slaState().code(),
          r.plan() == null ? null : r.plan().target(),
          r.plan() == null ? null : r.plan().start(),
          r.plan() == null ? null : r.plan().warningAt(),
          r.plan() == null ? null : r.plan().dueAt(),
          withTimeline ? r.timeline() : null,
          withTimeline ? r.followUps() : null);
    }
  }

  /** Specimens whose clock runs (on track, warning, breached), soonest due first. */
  @GetMapping("/open")
  @RequiresScope("Specimen.s")
  List<SpecimenView> open() {
    Caller caller = Caller.required();
    return store.where(r -> r.slaState().isOpen() && caller.mayView(r.orderingPractitioner())).stream()
        .sorted(Comparator.comparing((SpecimenRecord r) -> r.plan().dueAt()).thenComparing(SpecimenRecord::accession))
        .map(r -> SpecimenView.of(r, false))
        .toList();
  }

  @GetMapping("/{accession}")
  @RequiresScope("Specimen.r")
  SpecimenView timeline(@PathVariable String accession) {
    SpecimenRecord record = store.find(accession)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no specimen with this accession"));
    if (!Caller.required().mayView(record.orderingPractitioner())) {
      throw new AccessRefused("not your patient: this specimen was ordered by another practitioner");
    }
    return SpecimenView.of(record, true);
  }
}
