package io.pathtrack.results.hl7;

import ca.uhn.hl7v2.model.v251.group.ORU_R01_OBSERVATION;
import ca.uhn.hl7v2.model.v251.group.ORU_R01_ORDER_OBSERVATION;
import ca.uhn.hl7v2.model.v251.group.ORU_R01_PATIENT_RESULT;
import ca.uhn.hl7v2.model.v251.group.ORU_R01_SPECIMEN;
import ca.uhn.hl7v2.model.v251.message.ORU_R01;
import ca.uhn.hl7v2.model.v251.segment.OBR;
import ca.uhn.hl7v2.model.v251.segment.OBX;
import ca.uhn.hl7v2.model.v251.segment.ORC;
import ca.uhn.hl7v2.model.v251.segment.PID;
import io.pathtrack.results.validation.ReportRejectedException;
import io.pathtrack.results.validation.ValidationIssue;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.DiagnosticReport.DiagnosticReportStatus;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;

/**
 * One conversion of an ORU^R01 (see {@link OruToFhir}): MSH-10 → Bundle.identifier; the order groups
 * (OBR) of each patient result grouped into cases, each case → one DiagnosticReport (identifiers OBR-3
 * and OBR-2, category OBR-24, code OBR-4, interpreter OBR-32) with its ServiceRequest, Specimens and
 * Observations; and the problems found.
 */
final class OruConversion {
  private final ORU_R01 message;
  private final Bundle bundle = new Bundle();
  private final Patients patients = new Patients(bundle);
  private final Practitioners practitioners = new Practitioners(bundle);
  private final Specimens specimens = new Specimens(bundle);
  private final Observations observations = new Observations(bundle);
  private final List<ValidationIssue> issues = new ArrayList<>();
  /** Each OBR's occurrence in the message (1 for the first), for error locations. */
  private final Map<OBR, Integer> obrNumbers = new IdentityHashMap<>();

  OruConversion(ORU_R01 message) {
    this.message = message;
    bundle.setType(Bundle.BundleType.COLLECTION);
  }

  /** @param strict throw the problems found; else return what could be converted regardless */
  Bundle run(boolean strict) {
    String controlId = Fields.get(message.getMSH(), 10);
    if (controlId != null) {
      bundle.setIdentifier(new Identifier().setValue(controlId));
    }
    PID lastPid = null;
    int reports = 0;
    for (ORU_R01_PATIENT_RESULT result : Groups.reps(message::getPATIENT_RESULTAll)) {
      PID pid = result.getPATIENT().getPID();
      if (!Fields.isEmpty(pid)) {
        lastPid = pid;
      }
      List<List<ORU_R01_ORDER_OBSERVATION>> cases = cases(result);
      if (cases.isEmpty()) {
        continue;
      }
      Optional<Reference> subject = patients.reference(lastPid);
      for (List<ORU_R01_ORDER_OBSERVATION> orders : cases) {
        report(orders, subject);
        reports++;
      }
    }
    if (reports == 0 && issues.isEmpty()) {
      issues.add(ValidationIssue.required("OBR",
          "no OBR segment: an ORU^R01 reports its results under at least one order (OBR)"));
    }
    if (strict && !issues.isEmpty()) {
      throw new ReportRejectedException(issues, false);
    }
    return bundle;
  }

  /** The order groups of one patient, grouped into pathology cases (see {@link OruToFhir}). */
  private List<List<ORU_R01_ORDER_OBSERVATION>> cases(ORU_R01_PATIENT_RESULT result) {
    Map<String, List<ORU_R01_ORDER_OBSERVATION>> byCase = new LinkedHashMap<>();
    for (ORU_R01_ORDER_OBSERVATION order : Groups.reps(result::getORDER_OBSERVATIONAll)) {
      OBR obr = order.getOBR();
      if (Fields.isEmpty(obr)) {
        continue;
      }
      obrNumbers.put(obr, obrNumbers.size() + 1);
      String filler = Optional.ofNullable(Fields.get(obr, 3)).orElse(Fields.get(order.getORC(), 3));
      String parent = Fields.get(obr, 29, 0, 2, 1);
      String key = parent != null && byCase.containsKey(parent) ? parent
          : filler != null ? filler : "#" + obrNumbers.get(obr);
      byCase.computeIfAbsent(key, k -> new ArrayList<>()).add(order);
    }
    return List.copyOf(byCase.values());
  }

  private void report(List<ORU_R01_ORDER_OBSERVATION> orders, Optional<Reference> subject) {
    ORU_R01_ORDER_OBSERVATION first = orders.get(0);
    OBR obr = first.getOBR();
    ORC orc = first.getORC();
    String filler = Optional.ofNullable(Fields.get(obr, 3)).orElse(Fields.get(orc, 3));
    String seed = "hl7v2|" + subject.map(s -> s.getIdentifier().getValue()).orElse("") + "|"
        + (filler == null ? "#" + obrNumbers.get(obr) : filler) + "|" + Fields.get(obr, 4);
    ResourceIds ids = new ResourceIds(seed);

    DiagnosticReport report = new DiagnosticReport();
    DiagnosticReportStatus status = ReportFields.status(orders, obrNumbers, issues);
    if (status != null) {
      report.setStatus(status);
    }
    Identifiers.addEi(report.getIdentifier(), obr, 3, "FILL");
    Identifiers.addEi(report.getIdentifier(), obr, 2, "PLAC");
    Codes.codeable(obr, 24, 0, V2Vocabulary.DIAGNOSTIC_SERVICE_SECTION).ifPresent(report::addCategory);
    Codes.codeable(obr, 4, 0, null).ifPresent(report::setCode);
    subject.ifPresent(report::setSubject);
    ReportFields.effective(obr).ifPresent(report::setEffective);
    ReportFields.issued(orders).ifPresent(report::setIssued);
    practitioners.reference(obr, 32, true).ifPresent(report::addResultsInterpreter);

    ServiceRequest order = ServiceRequests.of(obr, orc, status, subject, practitioners);
    Reference orderRef = BundleEntries.add(bundle, order, ids.next("order"));
    report.addBasedOn(orderRef);

    String accessionFallback = Fields.firstOf(filler, Fields.get(obr, 20));
    Map<String, Reference> caseSpecimens = specimens.of(orders, obr, accessionFallback, subject, orderRef, ids);
    caseSpecimens.values().forEach(report::addSpecimen);
    caseSpecimens.values().forEach(order::addSpecimen);

    List<String> conclusions = new ArrayList<>();
    for (int i = 0; i < orders.size(); i++) {
      ORU_R01_ORDER_OBSERVATION group = orders.get(i);
      List<Reference> results = new ArrayList<>();
      for (ORU_R01_OBSERVATION observation : Groups.reps(group::getOBSERVATIONAll)) {
        OBX obx = observation.getOBX();
        if (!Fields.isEmpty(obx)) {
          // an OBX of the order itself; those after an SPM (below) are about that specimen
          results.add(observations.observation(obx, Groups.reps(observation::getNTEAll), subject, Optional.empty(),
              report, conclusions, ids));
        }
      }
      for (ORU_R01_SPECIMEN specimenGroup : Groups.reps(group::getSPECIMENAll)) {
        Optional<Reference> specimen = Optional.ofNullable(caseSpecimens.get(Specimens.key(specimenGroup.getSPM())));
        for (OBX obx : Groups.reps(specimenGroup::getOBXAll)) {
          if (!Fields.isEmpty(obx)) {
            results.add(observations.observation(obx, List.of(), subject, specimen, report, conclusions, ids));
          }
        }
      }
      if (i == 0) {
        results.forEach(report::addResult);
        Notes.of(Groups.reps(group::getNTEAll)).forEach(order::addNote);
      } else {
        report.addResult(observations.section(group, results, subject, ids));
      }
    }
    if (!conclusions.isEmpty()) {
      report.setConclusion(String.join("\n", conclusions));
    }
    BundleEntries.add(bundle, report, ids.next("report"));
  }
}
