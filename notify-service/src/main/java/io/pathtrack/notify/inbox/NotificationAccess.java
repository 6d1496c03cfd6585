package io.pathtrack.notify.inbox;

import io.pathtrack.guard.http.InvalidRequestValue;
import io.pathtrack.guard.security.AccessRefused;
import io.pathtrack.guard.security.Caller;
import io.pathtrack.notify.directory.PractitionerDirectory;
import io.pathtrack.notify.domain.Notification;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Who may see and acknowledge a notification. A practitioner sees and acknowledges what is addressed to them or
 * to a practitioner they cover (the directory's covering-practitioner); the lab manager and the results desk see
 * every notification of the lab, and acknowledge only their own; the EHR (a system client) sees all and
 * acknowledges on behalf of a named practitioner who may. The acknowledging identity is always the token's,
 * or for a system client the practitioner it names: never a field that disagrees with the token.
 */
@Component
public class NotificationAccess {
  private final PractitionerDirectory directory;

  public NotificationAccess(PractitionerDirectory directory) {
    this.directory = directory;
  }

  /** Whether the caller may see this notification. */
  public boolean maySee(Caller caller, Notification n) {
    return caller.seesWholeLab() || caller.fhirUser().map(me -> answersFor(me, n.recipient())).orElse(false);
  }

  /** Whether the caller may see every notification of this recipient. */
  public boolean maySee(Caller caller, String recipient) {
    return caller.seesWholeLab() || caller.fhirUser().map(me -> answersFor(me, recipient)).orElse(false);
  }

  /** The notification, once the caller may see it; otherwise refused as not theirs. */
  public Notification visible(Caller caller, Notification n) {
    if (!maySee(caller, n)) {
      throw new AccessRefused("not your notification: it is addressed to another practitioner");
    }
    return n;
  }

  /**
   * Who acknowledges, when the caller may: the signed-in practitioner (a {@code by} that names someone else is
   * refused), or for a system client the practitioner it names in {@code by}.
   *
   * @param named who the request says acknowledges ({@code by}, or the Communication's sender)
   * @param field the request element that names them, for the answers
   */
  public String acknowledger(Caller caller, Notification n, Optional<String> named, String field) {
    if (caller.fhirUser().isPresent()) {
      String me = caller.fhirUser().get();
      if (named.isPresent() && !named.get().equals(me)) {
        throw new AccessRefused("'" + field + "' must name the signed-in practitioner: an acknowledgement is made by its own token");
      }
      if (!answersFor(me, n.recipient())) {
        throw new AccessRefused("not your notification: it is addressed to another practitioner, whom you do not cover");
      }
      return me;
    }
    String onBehalfOf = named.orElseThrow(() -> new InvalidRequestValue(field,
        "a system client acknowledges on behalf of a practitioner: '" + field + "' must name them"));
    if (!answersFor(onBehalfOf, n.recipient())) {
      throw new AccessRefused("'" + field + "' names a practitioner this notification is not addressed to, nor one who covers its recipient");
    }
    return onBehalfOf;
  }

  /** The recipient themselves, or the practitioner who covers for them. */
  private boolean answersFor(String practitioner, String recipient) {
    return practitioner.equals(recipient)
        || directory.find(recipient).flatMap(c -> c.covering()).map(practitioner::equals).orElse(false);
  }
}
