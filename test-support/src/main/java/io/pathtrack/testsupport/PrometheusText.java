package io.pathtrack.testsupport;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads values from a service's Prometheus text ({@code /actuator/prometheus}). */
public final class PrometheusText {
  private PrometheusText() {}

  /**
   * The sum of a metric's samples whose labels contain {@code label} ({@code outcome="sent"}; empty for all), 0 when
   * there is none.
   */
  public static double sum(String text, String name, String label) {
    double sum = 0;
    Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{([^}]*)})? ([0-9.Ee+-]+)$").matcher(text);
    while (m.find()) {
      if (label.isEmpty() || (m.group(2) != null && m.group(2).contains(label))) {
        sum += Double.parseDouble(m.group(3));
      }
    }
    return sum;
  }
}
