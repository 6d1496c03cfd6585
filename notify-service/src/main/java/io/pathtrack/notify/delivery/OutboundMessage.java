package io.pathtrack.notify.delivery;

import io.pathtrack.notify.domain.Notification;
import java.net.URI;
import java.util.Locale;

/**
 * What a notification says once it leaves the system (email, webhook, an EHR's Communication): the
 * priority, a reference and a link, and nothing else. No diagnosis, no patient name, no accession
 * (docs/architecture.md §6): the reference is the notification id, which means nothing outside PathTrack.
 *
 * @param priority the priority word in capitals (ROUTINE, HIGH, URGENT)
 * @param reference the notification id
 * @param link where the recipient signs in to read the result: the notification's page
 */
public record OutboundMessage(String priority, String reference, URI link, String headline, String sentence) {

  public OutboundMessage(String priority, String reference, URI link) {
    this(priority, reference, link, "Pathology result ready", "A pathology result is ready for you.");
  }

  public static OutboundMessage of(Notification n, URI linkBase) {
    String base = linkBase.toString().replaceAll("/+$", "");
    String[] words = words(n);
    return new OutboundMessage(n.priority().code().toUpperCase(Locale.ROOT), n.id(),
        URI.create(base + "/ui/notifications/" + n.id()), words[0], words[1]);
  }

  /** What kind of message it is, in words that say nothing about the patient or the diagnosis. */
  private static String[] words(Notification n) {
    if (n.state() == io.pathtrack.notify.domain.NotificationState.RETRACTED) {
      return new String[] {"Pathology result withdrawn",
          "A pathology result sent to you earlier has been withdrawn (entered in error). Disregard it."};
    }
    return switch (n.trigger()) {
      case OUTCOME_CHANGED -> new String[] {"Pathology result changed",
          "An amended pathology report changes a result you were told of earlier."};
      case ESCALATION -> new String[] {"Pathology result awaiting acknowledgement",
          "A pathology result has not been acknowledged and is escalated to you."};
      case SLA_WARNING -> new String[] {"Specimen nearing its turnaround target",
          "A specimen is close to its turnaround target without a final report."};
      case SLA_BREACH -> new String[] {"Specimen past its turnaround target",
          "A specimen has passed its turnaround target without a final report."};
      case DECLINED -> new String[] {"Pathology result rerouted to you",
          "A pathology result was declined by its recipient as not their patient and is rerouted to you."};
      case DECLINED_NOTICE -> new String[] {"Pathology result declined by its recipient",
          "A recipient declined a pathology result as not their patient; it was rerouted to the results desk."};
      case RESULT -> new String[] {"Pathology result ready", "A pathology result is ready for you."};
      case CULTURE -> new String[] {"Microbiology result ready", "A microbiology culture result is ready for you."};
      case AMENDED -> new String[] {"Pathology report amended",
          "A pathology report you were told of, or that concerns a patient in your care, has been amended."};
      case NONDIAGNOSTIC -> new String[] {"Pathology result needs your action",
          "A pathology result needs your action: sign in to see what must be arranged."};
      case DISCORDANT -> new String[] {"Pathology result needs radiology-pathology review",
          "A pathology result does not match the imaging and needs your action: sign in to see it."};
      case CONCORDANCE_REVIEW -> new String[] {"Pathology result for radiology-pathology review",
          "A pathology result is flagged for radiology-pathology review: sign in to see why."};
      case SPECIMEN_REJECTED -> new String[] {"Specimen could not be processed",
          "The laboratory could not process a specimen you ordered: sign in to see the reason."};
      case SPECIMEN_CANCELLED -> new String[] {"Specimen cancelled",
          "A specimen you ordered was cancelled before it was reported: sign in to see the reason."};
      case FOLLOW_UP_OVERDUE -> new String[] {"Recommended follow-up overdue",
          "A follow-up recommended in a pathology report is past its due date: sign in to see it."};
    };
  }

  public String subject() {
    return "[" + priority + "] " + headline + " - ref " + reference.substring(0, Math.min(8, reference.length()));
  }

  public String text() {
    return String.join("\n",
        sentence,
        "",
        "Priority:  " + priority,
        "Reference: " + reference,
        "Open it:   " + link,
        "",
        "This message holds no clinical details by design. Sign in to read the result.");
  }
}
