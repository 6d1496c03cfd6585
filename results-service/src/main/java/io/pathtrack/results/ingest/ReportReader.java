package io.pathtrack.results.ingest;

import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.LenientErrorHandler;
import io.pathtrack.contract.Fhir;
import io.pathtrack.results.hl7.Er7Text;
import io.pathtrack.results.hl7.OruToFhir;
import io.pathtrack.results.validation.ReportRejectedException;
import io.pathtrack.results.validation.ValidationIssue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DiagnosticReport;

/**
 * Reads the bytes of an inbound record as FHIR: a DiagnosticReport, or a Bundle holding one or more.
 * JSON or XML by content type (or, when absent, by the first character). Coded values that are not in
 * their value set (an unknown report status, say) are refused, each named. An HL7 v2 ORU^R01
 * ({@code application/hl7-v2}, or no FHIR content type and a payload starting with MSH) is converted
 * to the FHIR Bundle it reports and read as one.
 */
public final class ReportReader {
  private final PayloadGuard guard;

  public ReportReader(PayloadGuard guard) {
    this.guard = guard;
  }

  public PayloadGuard guard() {
    return guard;
  }

  /**
   * @param contentType the record's content type; when absent the first character decides
   * @throws ReportRejectedException when the bytes are not a FHIR DiagnosticReport or a Bundle with one
   */
  public List<InboundReport> read(byte[] payload, String contentType) {
    if (payload == null || payload.length == 0) {
      throw parseFailure("DiagnosticReport", "the record is empty");
    }
    guard.check(payload, contentType);
    if (Er7Text.isHl7(payload, contentType)) {
      return hl7(payload, contentType);
    }
    String text = new String(payload, StandardCharsets.UTF_8);
    InvalidValues invalid = new InvalidValues();
    IParser parser = switch (format(text, contentType)) {
      case "json" -> Fhir.json();
      case "xml" -> Fhir.xml();
      default -> throw parseFailure("DiagnosticReport",
          "payload is neither FHIR JSON nor FHIR XML (content-type " + (contentType == null ? "absent" : contentType) + ")");
    };
    parser.setParserErrorHandler(invalid);
    IBaseResource resource;
    try {
      resource = parser.parseResource(text);
    } catch (DataFormatException e) {
      throw parseFailure("DiagnosticReport", "cannot be parsed: " + e.getMessage());
    } catch (RuntimeException e) {
      // HAPI's parser fails with other exceptions on some malformed bundles (an entry whose resource is
      // not an object, a request method outside the HTTP verbs): such a payload is just as unreadable
      throw parseFailure("DiagnosticReport", "cannot be parsed: a resource or element in it is malformed"
          + " (an empty resourceType, an entry whose resource is not an object, an unknown request method)");
    }
    if (!invalid.issues.isEmpty()) {
      throw new ReportRejectedException(invalid.issues, false);
    }
    return reports(resource);
  }

  /** An HL7 v2 ORU^R01, converted to FHIR and read as the Bundle it becomes. */
  private static List<InboundReport> hl7(byte[] payload, String contentType) {
    try {
      return reports(OruToFhir.convert(payload));
    } catch (ReportRejectedException e) {
      if (!e.parseFailure() || contentType != null && contentType.toLowerCase(Locale.ROOT).contains("hl7")) {
        throw e;
      }
      // Only the first characters said HL7 v2: say it is neither format, and why not this one.
      throw parseFailure("DiagnosticReport", "payload is neither FHIR JSON nor FHIR XML (content-type "
          + (contentType == null ? "absent" : contentType) + "), and not a readable HL7 v2 ORU^R01: " + e.primary().message());
    }
  }

  /** The reports a parsed resource holds. */
  public static List<InboundReport> reports(IBaseResource resource) {
    if (resource instanceof DiagnosticReport report) {
      return List.of(InboundReport.of(report));
    }
    if (resource instanceof Bundle bundle) {
      List<InboundReport> reports = ReportBundles.reports(bundle);
      if (reports.isEmpty()) {
        throw parseFailure("Bundle.entry", "the " + (bundle.hasType() ? bundle.getType().toCode() + " " : "")
            + "Bundle holds no DiagnosticReport");
      }
      return reports;
    }
    String hint = resource instanceof org.hl7.fhir.r4.model.Observation
        ? ": an Observation is part of a report; send the DiagnosticReport that references it, or a Bundle with both"
        : "";
    throw parseFailure("DiagnosticReport",
        "expected a DiagnosticReport or a Bundle holding one, but got a " + resource.fhirType() + hint);
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
    if (start.startsWith("\uFEFF")) {
      start = start.substring(1);
    }
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

  /**
   * Collects codes outside their value set (an unknown status, say) instead of failing on the first.
   * Other malformed values that change no meaning, such as an empty string, are tolerated as HAPI's
   * lenient reader does: real feeds send them.
   */
  private static final class InvalidValues extends LenientErrorHandler {
    private final List<ValidationIssue> issues = new ArrayList<>();

    InvalidValues() {
      super(false);
      setErrorOnInvalidValue(false);
    }

    @Override
    public void invalidValue(IParseLocation location, String value, String error) {
      if (error == null || !error.contains("Unknown") || value == null || value.isEmpty()) {
        return;
      }
      String element = error.contains("DiagnosticReportStatus") ? "DiagnosticReport.status"
          : location == null || location.getParentElementName() == null ? "DiagnosticReport"
          : location.getParentElementName();
      issues.add(new ValidationIssue(element, "code-invalid", "unknown code '" + value + "': " + error));
    }
  }
}
