package io.pathtrack.guard.security;

import java.time.Duration;

/** Wording the pages of every service share. */
public final class PageText {
  private PageText() {}

  /** The time left to a deadline as a person reads it: "1 d 4 h left", "3 h 20 min left", "overdue by 12 min". */
  public static String timeLeft(Duration left) {
    Duration size = left.abs();
    long days = size.toDays();
    long hours = size.toHoursPart();
    long minutes = size.toMinutesPart();
    String amount = days > 0 ? days + " d " + hours + " h"
        : hours > 0 ? hours + " h " + minutes + " min"
        : minutes > 0 ? minutes + " min" : "under 1 min";
    return left.isNegative() ? "overdue by " + amount : amount + " left";
  }
}
