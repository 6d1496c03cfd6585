package io.pathtrack.notify.delivery;

import io.pathtrack.notify.routing.Notification;
import java.net.URI;
import java.util.Locale;

/**
 * What a notification says once it leaves the system (email, webhook, an EHR's Communication): the
 * priority, a reference and a link, and nothing else. No diagnosis, no patient name, no accession
 * (DESIGN §6): the reference is the notification id, which means nothing outside PathTrack.
 *
 * @param priority the priority word in capitals (ROUTINE, HIGH, URGENT)
 * @param reference the notification id
 * @param link where the recipient signs in to read the result
 */
public record OutboundMessage(String priority, String reference, URI link) {

  public static OutboundMessage of(Notification n, URI linkBase) {
    String base = linkBase.toString().replaceAll("/+$", "");
    return new OutboundMessage(n.priority().code().toUpperCase(Locale.ROOT), n.id(),
        URI.create(base + "/notifications/" + n.id()));
  }

  public String subject() {
    return "[" + priority + "] Pathology result ready - ref " + reference.substring(0, Math.min(8, reference.length()));
  }

  public String text() {
    return String.join("\n",
        "A pathology result is ready for you.",
        "",
        "Priority:  " + priority,
        "Reference: " + reference,
        "Open it:   " + link,
        "",
        "This message holds no clinical details by design. Sign in to read the result.");
  }
}
