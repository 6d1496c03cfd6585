package io.pathtrack.results.hl7;

import ca.uhn.hl7v2.model.v251.group.ORU_R01_ORDER_OBSERVATION;
import ca.uhn.hl7v2.model.v251.segment.OBR;
import io.pathtrack.results.validation.ValidationIssue;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DiagnosticReport.DiagnosticReportStatus;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Type;

/**
 * The DiagnosticReport elements read from the OBRs of a case: status (OBR-25, HL7 table 0123),
 * effective[x] (OBR-7 to OBR-8) and issued (OBR-22).
 */
final class ReportFields {
  private ReportFields() {}

  /**
   * The case's status: the first order's, except that a corrected order makes the case corrected, a
   * cancelled one does not cancel the others, and final orders beside unfinished ones are partial.
   * A code outside table 0123 is added to {@code issues}; null when no order has a status.
   *
   * @param obrNumbers each OBR's occurrence in the message (1 for the first), for error locations
   */
  static DiagnosticReportStatus status(List<ORU_R01_ORDER_OBSERVATION> orders, Map<OBR, Integer> obrNumbers,
      List<ValidationIssue> issues) {
    List<DiagnosticReportStatus> statuses = new ArrayList<>();
    for (ORU_R01_ORDER_OBSERVATION order : orders) {
      int sequence = obrNumbers.get(order.getOBR());
      String code = Fields.get(order.getOBR(), 25);
      if (code == null) {
        continue;
      }
      Optional<DiagnosticReportStatus> status = V2Vocabulary.reportStatus(code);
      if (status.isEmpty()) {
        issues.add(new ValidationIssue(Hl7Location.of("OBR", sequence, 25).toString(), "code-invalid",
            "result status '" + code + "' is not in HL7 table 0123 (F final, C corrected, P preliminary, "
                + "A/R/S partial, I/O registered, X cancelled)"));
      } else {
        statuses.add(status.get());
      }
    }
    if (statuses.isEmpty()) {
      return null;
    }
    if (statuses.contains(DiagnosticReportStatus.CORRECTED)) {
      return DiagnosticReportStatus.CORRECTED;
    }
    if (statuses.size() > 1) {
      statuses.removeIf(s -> s == DiagnosticReportStatus.CANCELLED);
      if (statuses.isEmpty()) {
        return DiagnosticReportStatus.CANCELLED;
      }
    }
    boolean anyFinal = statuses.contains(DiagnosticReportStatus.FINAL);
    boolean anyUnfinished = statuses.stream().anyMatch(EnumSet.of(DiagnosticReportStatus.PRELIMINARY,
        DiagnosticReportStatus.PARTIAL, DiagnosticReportStatus.REGISTERED)::contains);
    return anyFinal && anyUnfinished ? DiagnosticReportStatus.PARTIAL : statuses.get(0);
  }

  /** OBR-7 observation date/time, to OBR-8 end when given (v2-to-FHIR: DiagnosticReport.effective[x]). */
  static Optional<Type> effective(OBR obr) {
    Optional<DateTimeType> start = V2Times.dateTime(Fields.get(obr, 7));
    Optional<DateTimeType> end = V2Times.dateTime(Fields.get(obr, 8));
    if (start.isPresent() && end.isPresent()) {
      return Optional.of(new Period().setStartElement(start.get()).setEndElement(end.get()));
    }
    return start.<Type>map(s -> s);
  }

  /** The latest OBR-22 (results reported/status changed) of the case. */
  static Optional<Date> issued(List<ORU_R01_ORDER_OBSERVATION> orders) {
    return orders.stream()
        .map(o -> V2Times.instant(Fields.get(o.getOBR(), 22)))
        .flatMap(Optional::stream)
        .max(Date::compareTo);
  }
}
