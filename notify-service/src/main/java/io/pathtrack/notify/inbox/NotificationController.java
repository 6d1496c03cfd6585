package io.pathtrack.notify.inbox;

import io.pathtrack.notify.routing.DeliveryChannel;
import io.pathtrack.notify.routing.Notification;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The built-in inbox: {@code GET /notifications}, newest first, filterable by recipient, accession, priority. */
@RestController
@RequestMapping("/notifications")
class NotificationController {
  private final NotificationLog log;

  NotificationController(NotificationLog log) {
    this.log = log;
  }

  /** A notification as the inbox shows it. */
  record NotificationView(
      String id, String accession, String report, String reportVersion, String outcome, boolean needsReview,
      String priority, String recipient, String recipientName, boolean fallbackRecipient, List<String> channels,
      String state, Instant createdAt, Instant sentAt, String failure) {

    static NotificationView of(Notification n) {
      return new NotificationView(n.id(), n.accession(), n.reportReference(), n.reportVersion(), n.outcome().code(),
          n.needsReview(), n.priority().code(), n.recipient(), n.recipientName(), n.fallbackRecipient(),
          n.channels().stream().map(DeliveryChannel::code).sorted().toList(),
          n.state().name().toLowerCase(Locale.ROOT), n.createdAt(), n.sentAt().orElse(null), n.failure().orElse(null));
    }
  }

  @GetMapping
  List<NotificationView> list(
      @RequestParam(required = false) String recipient,
      @RequestParam(required = false) String accession,
      @RequestParam(required = false) String priority) {
    return log.all().stream()
        .filter(n -> recipient == null || recipient.equals(n.recipient()))
        .filter(n -> accession == null || accession.equals(n.accession()))
        .filter(n -> priority == null || priority.equalsIgnoreCase(n.priority().code()))
        .map(NotificationView::of)
        .toList();
  }

  @GetMapping("/{id}")
  NotificationView one(@PathVariable String id) {
    return log.find(id).map(NotificationView::of)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no notification " + id));
  }
}
