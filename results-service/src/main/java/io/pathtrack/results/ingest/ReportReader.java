package io.pathtrack.results.ingest;

import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import io.pathtrack.contract.Fhir;
import io.pathtrack.results.validation.ReportRejectedException;
import io.pathtrack.results.validation.ValidationIssue;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.DiagnosticReport;

/** Reads the bytes of an inbound record as a FHIR DiagnosticReport, JSON or XML. */
public final class ReportReader {
  private ReportReader() {}

  /**
   * @param contentType the record's content type; when absent the first character decides
   * @throws ReportRejectedException when the bytes are not a FHIR DiagnosticReport
   */
  public static DiagnosticReport read(byte[] payload, String contentType) {
    if (payload == null || payload.length == 0) {
      throw parseFailure("DiagnosticReport", "the record is empty");
    }
    String text = new String(payload, StandardCharsets.UTF_8);
    IParser parser = switch (format(text, contentType)) {
      case "json" -> Fhir.json();
      case "xml" -> Fhir.xml();
      default -> throw parseFailure("DiagnosticReport",
          "payload is neither FHIR JSON nor FHIR XML (content-type " + (contentType == null ? "absent" : contentType) + ")");
    };
    IBaseResource resource;
    try {
      resource = parser.parseResource(text);
    } catch (DataFormatException e) {
      throw parseFailure("DiagnosticReport", "cannot be parsed: " + e.getMessage());
    }
    if (resource instanceof DiagnosticReport report) {
      return report;
    }
    throw parseFailure("DiagnosticReport",
        "expected a DiagnosticReport but got a " + resource.fhirType());
  }

  private static String format(String text, String contentType) {
    if (contentType != null) {
      String ct = contentType.toLowerCase(Locale.ROOT);
      if (ct.contains("json")) {
        return "json";
      }
      if (ct.contains("xml")) {
        return "xml";
      }
    }
    String start = text.stripLeading();
    if (start.startsWith("{")) {
      return "json";
    }
    if (start.startsWith("<")) {
      return "xml";
    }
    return "unknown";
  }

  private static ReportRejectedException parseFailure(String expression, String message) {
    return new ReportRejectedException(List.of(ValidationIssue.structure(expression, message)), true);
  }
}
