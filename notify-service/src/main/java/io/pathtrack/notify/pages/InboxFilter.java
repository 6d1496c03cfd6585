package io.pathtrack.notify.pages;

import io.pathtrack.contract.Outcome;
import io.pathtrack.contract.Priority;
import io.pathtrack.guard.http.InvalidRequestValue;
import io.pathtrack.notify.domain.Notification;
import io.pathtrack.notify.domain.NotificationState;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The inbox page's filters, each a closed list of values (an empty one shows all): state ({@code open} for every
 * notification still awaiting acknowledgement, or one state), priority and outcome; and the days it was received
 * from and to (both included, ISO dates as a date field sends them, in the service's zone); and one accession, as
 * the lab's specimen page links here.
 */
record InboxFilter(Optional<String> state, Optional<Priority> priority, Optional<Outcome> outcome, Optional<LocalDate> from,
    Optional<LocalDate> to, ZoneId zone, Optional<String> accession) {
  static final String OPEN = "open";
  static final List<String> STATES = java.util.stream.Stream.concat(java.util.stream.Stream.of(OPEN),
      Arrays.stream(NotificationState.values()).map(NotificationState::code)).toList();

  static InboxFilter of(String state, String priority, String outcome) {
    return of(state, priority, outcome, null, null, ZoneId.of("UTC"));
  }

  static InboxFilter of(String state, String priority, String outcome, String from, String to, ZoneId zone) {
    return of(state, priority, outcome, from, to, zone, null);
  }

  static InboxFilter of(String state, String priority, String outcome, String from, String to, ZoneId zone,
      String accession) {
    Optional<String> specimen = given(accession);
    specimen.flatMap(io.pathtrack.contract.Accessions::problem).ifPresent(problem -> {
      throw new InvalidRequestValue("accession", "'accession' " + problem);
    });
    Optional<LocalDate> since = date("from", from);
    Optional<LocalDate> until = date("to", to);
    if (since.isPresent() && until.isPresent() && until.get().isBefore(since.get())) {
      throw new InvalidRequestValue("to", "'to' must not be before 'from'");
    }
    Optional<String> s = given(state).map(v -> v.toLowerCase(Locale.ROOT));
    if (s.isPresent() && !STATES.contains(s.get())) {
      throw new InvalidRequestValue("state", "'state' must be one of " + STATES);
    }
    Optional<Priority> p = given(priority).map(v -> Priority.fromCode(v).orElseThrow(() -> new InvalidRequestValue(
        "priority", "'priority' must be one of " + Arrays.stream(Priority.values()).map(Priority::code).toList())));
    Optional<Outcome> o = given(outcome).map(v -> Arrays.stream(Outcome.values()).filter(x -> x.code().equalsIgnoreCase(v))
        .findFirst().orElseThrow(() -> new InvalidRequestValue("outcome",
            "'outcome' must be one of " + Arrays.stream(Outcome.values()).map(Outcome::code).toList())));
    return new InboxFilter(s, p, o, since, until, zone, specimen);
  }

  private static Optional<LocalDate> date(String name, String value) {
    try {
      return given(value).map(LocalDate::parse);
    } catch (DateTimeParseException e) {
      throw new InvalidRequestValue(name, "'" + name + "' must be a date, yyyy-mm-dd");
    }
  }

  boolean accepts(Notification n) {
    return state.map(s -> s.equals(OPEN) ? n.state().isOpen() : s.equals(n.state().code())).orElse(true)
        && priority.map(p -> p == n.priority()).orElse(true)
        && outcome.map(o -> o == n.outcome()).orElse(true)
        && from.map(d -> !received(n).isBefore(d)).orElse(true)
        && to.map(d -> !received(n).isAfter(d)).orElse(true)
        && accession.map(a -> a.equals(n.accession())).orElse(true);
  }

  /** The from date as the date field shows it, or empty. */
  public String fromText() {
    return from.map(LocalDate::toString).orElse("");
  }

  public String toText() {
    return to.map(LocalDate::toString).orElse("");
  }

  /** The accession the inbox is narrowed to, or empty. */
  public String accessionText() {
    return accession.orElse("");
  }

  private LocalDate received(Notification n) {
    return LocalDate.ofInstant(n.createdAt(), zone);
  }

  private static Optional<String> given(String value) {
    return Optional.ofNullable(value).filter(v -> !v.isBlank());
  }
}
