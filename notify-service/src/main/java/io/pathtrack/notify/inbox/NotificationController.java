package io.pathtrack.notify.inbox;

import io.pathtrack.guard.http.FhirIds;
import io.pathtrack.guard.http.InvalidRequestValue;
import io.pathtrack.guard.security.AccessRefused;
import io.pathtrack.guard.security.Caller;
import io.pathtrack.guard.security.RequiresScope;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The built-in inbox: {@code GET /notifications}, newest first, filterable by recipient, accession,
 * priority and state ({@code created}, {@code sent}, {@code failed}).
 */
@RestController
@RequestMapping("/notifications")
class NotificationController {
  private final NotificationLog log;
  private final NotificationAccess access;

  NotificationController(NotificationLog log, NotificationAccess access) {
    this.log = log;
    this.access = access;
  }

  /** What the caller may see: their own and those they cover, or the whole lab's for the lab and the EHR. */
  @GetMapping
  @RequiresScope("Communication.s")
  List<NotificationView> list(
      @RequestParam(required = false) String recipient,
      @RequestParam(required = false) String accession,
      @RequestParam(required = false) String priority,
      @RequestParam(required = false) String state) {
    Caller caller = Caller.required();
    if (recipient != null && !access.maySee(caller, recipient)) {
      throw new AccessRefused("not your notifications: they are addressed to another practitioner, whom you do not cover");
    }
    return log.all().stream()
        .filter(n -> access.maySee(caller, n))
        .filter(n -> recipient == null || recipient.equals(n.recipient()))
        .filter(n -> accession == null || accession.equals(n.accession()))
        .filter(n -> priority == null || priority.equalsIgnoreCase(n.priority().code()))
        .filter(n -> state == null || state.equalsIgnoreCase(NotificationView.state(n)))
        .map(NotificationView::of)
        .toList();
  }

  @GetMapping("/{id}")
  @RequiresScope("Communication.r")
  NotificationView one(@PathVariable String id) {
    FhirIds.problem(id).ifPresent(problem -> {
      throw new InvalidRequestValue("id", "the notification id in the path " + problem);
    });
    return log.find(id).map(n -> NotificationView.of(access.visible(Caller.required(), n)))
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no notification with this id"));
  }
}
