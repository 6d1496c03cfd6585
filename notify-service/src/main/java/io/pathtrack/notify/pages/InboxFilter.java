package io.pathtrack.notify.pages;

import io.pathtrack.contract.Outcome;
import io.pathtrack.contract.Priority;
import io.pathtrack.guard.http.InvalidRequestValue;
import io.pathtrack.notify.routing.Notification;
import io.pathtrack.notify.routing.NotificationState;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The inbox page's filters, each a closed list of values (an empty one shows all): state ({@code open} for every
 * notification still awaiting acknowledgement, or one state), priority and outcome.
 */
record InboxFilter(Optional<String> state, Optional<Priority> priority, Optional<Outcome> outcome) {
  static final String OPEN = "open";
  static final List<String> STATES = java.util.stream.Stream.concat(java.util.stream.Stream.of(OPEN),
      Arrays.stream(NotificationState.values()).map(NotificationState::code)).toList();

  static InboxFilter of(String state, String priority, String outcome) {
    Optional<String> s = given(state).map(v -> v.toLowerCase(Locale.ROOT));
    if (s.isPresent() && !STATES.contains(s.get())) {
      throw new InvalidRequestValue("state", "'state' must be one of " + STATES);
    }
    Optional<Priority> p = given(priority).map(v -> Priority.fromCode(v).orElseThrow(() -> new InvalidRequestValue(
        "priority", "'priority' must be one of " + Arrays.stream(Priority.values()).map(Priority::code).toList())));
    Optional<Outcome> o = given(outcome).map(v -> Arrays.stream(Outcome.values()).filter(x -> x.code().equalsIgnoreCase(v))
        .findFirst().orElseThrow(() -> new InvalidRequestValue("outcome",
            "'outcome' must be one of " + Arrays.stream(Outcome.values()).map(Outcome::code).toList())));
    return new InboxFilter(s, p, o);
  }

  boolean accepts(Notification n) {
    return state.map(s -> s.equals(OPEN) ? n.state().isOpen() : s.equals(n.state().code())).orElse(true)
        && priority.map(p -> p == n.priority()).orElse(true)
        && outcome.map(o -> o == n.outcome()).orElse(true);
  }

  private static Optional<String> given(String value) {
    return Optional.ofNullable(value).filter(v -> !v.isBlank());
  }
}
