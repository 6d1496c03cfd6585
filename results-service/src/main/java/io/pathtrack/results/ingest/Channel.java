package io.pathtrack.results.ingest;

/** How a report reached the system; a metrics tag and a CloudEvents extension. */
public enum Channel {
  REST,
  KAFKA;

  public String tag() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
