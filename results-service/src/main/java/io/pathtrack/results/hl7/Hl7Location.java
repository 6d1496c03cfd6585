package io.pathtrack.results.hl7;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where in an HL7 v2 message a problem is, as ERR-2 (v2.5+) and ERR-1 (earlier) report it: the
 * segment id, which occurrence of that segment (1 for the first), and the field. Written the way HL7
 * documents name fields, {@code PID-3}, {@code OBR-25}, or {@code OBR[2]-25} for the second OBR; the
 * converter names its own findings this way, and the report checks' FHIR element names are mapped
 * back to the v2 field they came from.
 *
 * @param field 0 when the whole segment is meant (a missing segment)
 */
public record Hl7Location(String segment, int sequence, int field) {
  private static final Pattern NOTATION = Pattern.compile("^([A-Z][A-Z0-9]{2})(?:\\[(\\d+)])?(?:-(\\d+))?$");

  /** The FHIR elements the report checks name, and the v2 field this mapping fills them from. */
  private static final Map<String, Hl7Location> FROM_FHIR = Map.of(
      "DiagnosticReport.status", new Hl7Location("OBR", 1, 25),
      "DiagnosticReport.issued", new Hl7Location("OBR", 1, 22),
      "DiagnosticReport.effective", new Hl7Location("OBR", 1, 7),
      "DiagnosticReport.code", new Hl7Location("OBR", 1, 4),
      "DiagnosticReport.subject", new Hl7Location("PID", 1, 3),
      "DiagnosticReport.specimen", new Hl7Location("OBR", 1, 3),
      "DiagnosticReport.category", new Hl7Location("OBR", 1, 24),
      "Bundle.entry", new Hl7Location("OBR", 1, 0));

  public static Hl7Location of(String segment, int sequence, int field) {
    return new Hl7Location(segment, sequence, field);
  }

  /** A location in v2 notation, or the v2 field a FHIR element of the report is mapped from. */
  public static Optional<Hl7Location> parse(String expression) {
    if (expression == null) {
      return Optional.empty();
    }
    Matcher m = NOTATION.matcher(expression.trim());
    if (m.matches()) {
      return Optional.of(new Hl7Location(m.group(1), m.group(2) == null ? 1 : Integer.parseInt(m.group(2)),
          m.group(3) == null ? 0 : Integer.parseInt(m.group(3))));
    }
    return Optional.ofNullable(FROM_FHIR.get(expression.trim()));
  }

  @Override
  public String toString() {
    return segment + (sequence > 1 ? "[" + sequence + "]" : "") + (field > 0 ? "-" + field : "");
  }
}
