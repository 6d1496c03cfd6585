package io.pathtrack.notify.inbox;

import io.pathtrack.guard.http.FhirIds;
import io.pathtrack.guard.http.InvalidRequestValue;
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

  NotificationController(NotificationLog log) {
    this.log = log;
  }

  @GetMapping
  List<NotificationView> list(
      @RequestParam(required = false) String recipient,
      @RequestParam(required = false) String accession,
      @RequestParam(required = false) String priority,
      @RequestParam(required = false) String state) {
    return log.all().stream()
        .filter(n -> recipient == null || recipient.equals(n.recipient()))
        .filter(n -> accession == null || accession.equals(n.accession()))
        .filter(n -> priority == null || priority.equalsIgnoreCase(n.priority().code()))
        .filter(n -> state == null || state.equalsIgnoreCase(NotificationView.state(n)))
        .map(NotificationView::of)
        .toList();
  }

  @GetMapping("/{id}")
  NotificationView one(@PathVariable String id) {
    FhirIds.problem(id).ifPresent(problem -> {
      throw new InvalidRequestValue("id", "the notification id in the path " + problem);
    });
    return log.find(id).map(NotificationView::of)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no notification with this id"));
  }
}
