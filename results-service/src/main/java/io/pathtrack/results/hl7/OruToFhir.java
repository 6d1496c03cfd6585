package io.pathtrack.results.hl7;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Segment;
import ca.uhn.hl7v2.model.v251.group.ORU_R01_OBSERVATION;
import ca.uhn.hl7v2.model.v251.group.ORU_R01_ORDER_OBSERVATION;
import ca.uhn.hl7v2.model.v251.group.ORU_R01_PATIENT_RESULT;
import ca.uhn.hl7v2.model.v251.group.ORU_R01_SPECIMEN;
import ca.uhn.hl7v2.model.v251.message.ORU_R01;
import ca.uhn.hl7v2.model.v251.segment.NTE;
import ca.uhn.hl7v2.model.v251.segment.OBR;
import ca.uhn.hl7v2.model.v251.segment.OBX;
import ca.uhn.hl7v2.model.v251.segment.ORC;
import ca.uhn.hl7v2.model.v251.segment.PID;
import ca.uhn.hl7v2.model.v251.segment.SPM;
import io.pathtrack.contract.Accessions;
import io.pathtrack.contract.ProcedureType;
import io.pathtrack.results.validation.ReportRejectedException;
import io.pathtrack.results.validation.ValidationIssue;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.DiagnosticReport.DiagnosticReportStatus;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Specimen;
import org.hl7.fhir.r4.model.StringType;

/**
 * An ORU^R01 as the FHIR resources it reports, following the HL7 v2-to-FHIR implementation guide's
 * segment maps (PID → Patient, ORC/OBR → ServiceRequest and DiagnosticReport, OBX → Observation, SPM →
 * Specimen, NTE → note) with the choices anatomic pathology needs:
 * <ul>
 *   <li>The order groups (OBR) of one patient that share a filler order number (OBR-3), or name an
 *       earlier one as parent (OBR-29), are one pathology report: NAACCR Volume V sends a case as a
 *       comprehensive-report OBR followed by narrative and synoptic OBRs. The first OBR gives the
 *       report its code, order and interpreter; each further OBR becomes a grouping Observation whose
 *       members are its OBX.</li>
 *   <li>The report's Specimens come from its SPM segments (repeated SPMs are one Specimen), or from
 *       the OBR when there is none. The accession is SPM-30 (accession ID), else OBR-3 (filler order
 *       number, the case number), else ORC-3, else OBR-20, else SPM-2's filler specimen id.</li>
 *   <li>The final diagnosis (OBX-3 LOINC 22637-3, or a label such as "Final Diagnosis") is also the
 *       report's conclusion; its coded answers are its conclusionCode.</li>
 * </ul>
 * Pure: no I/O, the same message always gives the same resources (ids are name-based UUIDs), so a
 * message delivered twice is recognised as the same report.
 */
public final class OruToFhir {
  private static final String FINAL_DIAGNOSIS_LOINC = "22637-3";
  private static final Pattern FINAL_DIAGNOSIS_LABEL =
      Pattern.compile("(?i)(\\bfinal\\s+diagnos[ie]s\\b|^\\s*(pathologic(al)?\\s+)?diagnos[ie]s\\s*:?\\s*$)");
  private static final Set<String> CODED = Set.of("CWE", "CE", "CNE", "CF", "CV");

  private OruToFhir() {}

  /**
   * The FHIR Bundle an HL7 v2 ORU^R01 payload reports: decoded ({@link Er7Text#decode}), repaired
   * ({@link Er7Text#normalize}), parsed ({@link OruMessages#read}) and converted.
   *
   * @throws ReportRejectedException a parse failure when it is not a readable ORU^R01, else the
   *     problems {@link #convert(ORU_R01)} finds
   */
  public static Bundle convert(byte[] payload) {
    return convert(OruMessages.read(Er7Text.decode(payload)));
  }

  /**
   * What a readable ORU^R01 reports even when {@link #convert(byte[])} refuses it for an error in a
   * field the reports do not need to be keyed (an unknown OBR-25 status, say): the MLLP channel keys
   * the message it keeps by the accession it finds here. Empty when the message cannot be read.
   */
  public static Optional<Bundle> convertDespiteErrors(byte[] payload) {
    try {
      return Optional.of(new Converter(OruMessages.read(Er7Text.decode(payload))).run(false));
    } catch (ReportRejectedException e) {
      return Optional.empty();
    }
  }

  /**
   * @throws ReportRejectedException (not a parse failure: answered AE) when the message holds no
   *     order (OBR) or an order status (OBR-25) outside HL7 table 0123
   */
  public static Bundle convert(ORU_R01 message) {
    return new Converter(message).run(true);
  }

  /** One conversion: the bundle being built, what is shared across its reports, the problems found. */
  private static final class Converter {
    private final ORU_R01 message;
    private final Bundle bundle = new Bundle();
    private final Map<String, Reference> practitioners = new LinkedHashMap<>();
    private final Map<String, Reference> patients = new LinkedHashMap<>();
    private final List<ValidationIssue> issues = new ArrayList<>();
    /** Each OBR's occurrence in the message (1 for the first), for error locations. */
    private final Map<OBR, Integer> obrNumbers = new java.util.IdentityHashMap<>();

    Converter(ORU_R01 message) {
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
      for (ORU_R01_PATIENT_RESULT result : reps(message::getPATIENT_RESULTAll)) {
        PID pid = result.getPATIENT().getPID();
        if (!Fields.isEmpty(pid)) {
          lastPid = pid;
        }
        List<List<ORU_R01_ORDER_OBSERVATION>> cases = cases(result);
        if (cases.isEmpty()) {
          continue;
        }
        Optional<Reference> subject = patient(lastPid);
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

    /** The order groups of one patient, grouped into pathology cases (see the class comment). */
    private List<List<ORU_R01_ORDER_OBSERVATION>> cases(ORU_R01_PATIENT_RESULT result) {
      Map<String, List<ORU_R01_ORDER_OBSERVATION>> byCase = new LinkedHashMap<>();
      for (ORU_R01_ORDER_OBSERVATION order : reps(result::getORDER_OBSERVATIONAll)) {
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
      Ids ids = new Ids(seed);

      DiagnosticReport report = new DiagnosticReport();
      DiagnosticReportStatus status = status(orders);
      if (status != null) {
        report.setStatus(status);
      }
      addIdentifier(report.getIdentifier(), obr, 3, "FILL");
      addIdentifier(report.getIdentifier(), obr, 2, "PLAC");
      codeable(obr, 24, 0, V2Vocabulary.DIAGNOSTIC_SERVICE_SECTION).ifPresent(report::addCategory);
      codeable(obr, 4, 0, null).ifPresent(report::setCode);
      subject.ifPresent(report::setSubject);
      effective(obr).ifPresent(report::setEffective);
      issued(orders).ifPresent(report::setIssued);
      practitioner(obr, 32, true).ifPresent(report::addResultsInterpreter);

      ServiceRequest order = order(obr, orc, status, subject);
      Reference orderRef = add(order, ids.next("order"));
      report.addBasedOn(orderRef);

      String accessionFallback = firstOf(filler, Fields.get(obr, 20));
      Map<String, Reference> specimens = new LinkedHashMap<>();
      for (ORU_R01_ORDER_OBSERVATION group : orders) {
        for (ORU_R01_SPECIMEN specimenGroup : reps(group::getSPECIMENAll)) {
          SPM spm = specimenGroup.getSPM();
          if (!Fields.isEmpty(spm)) {
            specimens.computeIfAbsent(segmentKey(spm), k -> add(
                specimen(spm, accessionFallback, subject, orderRef), ids.next("specimen")));
          }
        }
      }
      if (specimens.isEmpty()) {
        specimen(obr, accessionFallback, subject, orderRef).ifPresent(s -> specimens.put("OBR", add(s, ids.next("specimen"))));
      }
      specimens.values().forEach(report::addSpecimen);
      specimens.values().forEach(order::addSpecimen);

      List<String> conclusions = new ArrayList<>();
      for (int i = 0; i < orders.size(); i++) {
        ORU_R01_ORDER_OBSERVATION group = orders.get(i);
        List<Reference> results = new ArrayList<>();
        for (ORU_R01_OBSERVATION observation : reps(group::getOBSERVATIONAll)) {
          OBX obx = observation.getOBX();
          if (!Fields.isEmpty(obx)) {
            // an OBX of the order itself; those after an SPM (below) are about that specimen
            results.add(observation(obx, reps(observation::getNTEAll), subject, Optional.empty(), report, conclusions, ids));
          }
        }
        for (ORU_R01_SPECIMEN specimenGroup : reps(group::getSPECIMENAll)) {
          Optional<Reference> specimen = Optional.ofNullable(specimens.get(segmentKey(specimenGroup.getSPM())));
          for (OBX obx : reps(specimenGroup::getOBXAll)) {
            if (!Fields.isEmpty(obx)) {
              results.add(observation(obx, List.of(), subject, specimen, report, conclusions, ids));
            }
          }
        }
        if (i == 0) {
          results.forEach(report::addResult);
          notes(reps(group::getNTEAll)).forEach(order::addNote);
        } else {
          report.addResult(section(group, results, subject, ids));
        }
      }
      if (!conclusions.isEmpty()) {
        report.setConclusion(String.join("\n", conclusions));
      }
      add(report, ids.next("report"));
    }

    /**
     * The case's status: the first order's, except that a corrected order makes the case corrected, a
     * cancelled one does not cancel the others, and final orders beside unfinished ones are partial.
     */
    private DiagnosticReportStatus status(List<ORU_R01_ORDER_OBSERVATION> orders) {
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
    private Optional<org.hl7.fhir.r4.model.Type> effective(OBR obr) {
      Optional<DateTimeType> start = V2Times.dateTime(Fields.get(obr, 7));
      Optional<DateTimeType> end = V2Times.dateTime(Fields.get(obr, 8));
      if (start.isPresent() && end.isPresent()) {
        return Optional.of(new Period().setStartElement(start.get()).setEndElement(end.get()));
      }
      return start.<org.hl7.fhir.r4.model.Type>map(s -> s);
    }

    /** The latest OBR-22 (results reported/status changed) of the case. */
    private Optional<Date> issued(List<ORU_R01_ORDER_OBSERVATION> orders) {
      return orders.stream()
          .map(o -> V2Times.instant(Fields.get(o.getOBR(), 22)))
          .flatMap(Optional::stream)
          .max(Date::compareTo);
    }

    private ServiceRequest order(OBR obr, ORC orc, DiagnosticReportStatus status, Optional<Reference> subject) {
      ServiceRequest order = new ServiceRequest();
      order.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
      order.setStatus(status == null ? ServiceRequest.ServiceRequestStatus.UNKNOWN
          : switch (status) {
            case FINAL, CORRECTED, AMENDED, APPENDED -> ServiceRequest.ServiceRequestStatus.COMPLETED;
            case CANCELLED -> ServiceRequest.ServiceRequestStatus.REVOKED;
            default -> ServiceRequest.ServiceRequestStatus.ACTIVE;
          });
      if (!addIdentifier(order.getIdentifier(), obr, 2, "PLAC")) {
        addIdentifier(order.getIdentifier(), orc, 2, "PLAC");
      }
      if (!addIdentifier(order.getIdentifier(), obr, 3, "FILL")) {
        addIdentifier(order.getIdentifier(), orc, 3, "FILL");
      }
      codeable(obr, 4, 0, null).ifPresent(order::setCode);
      subject.ifPresent(order::setSubject);
      // The ordering provider: OBR-16, or ORC-12 when the OBR leaves it out (v2-to-FHIR: requester)
      practitioner(obr, 16, false).or(() -> practitioner(orc, 12, false)).ifPresent(order::setRequester);
      // Result copies to (OBR-28): each a copies-to extension, so the copy recipients are told too.
      for (int rep = 0; rep < Fields.repetitions(obr, 28); rep++) {
        practitioner(obr, 28, rep, false).filter(Reference::hasReference)
            .ifPresent(copy -> order.addExtension(io.pathtrack.contract.Extensions.COPIES_TO, copy));
      }
      for (int rep = 0; rep < Fields.repetitions(obr, 31); rep++) {
        codeable(obr, 31, rep, null).ifPresent(order::addReasonCode);
      }
      return order;
    }

    private Specimen specimen(SPM spm, String accessionFallback, Optional<Reference> subject, Reference order) {
      Specimen specimen = new Specimen();
      String accession = firstOf(Fields.get(spm, 30), accessionFallback, Fields.get(spm, 2, 0, 2, 1),
          Fields.get(spm, 2, 0, 1, 1));
      if (accession != null) {
        specimen.setAccessionIdentifier(accessionIdentifier(accession, Fields.get(spm, 30) != null
            ? firstOf(Fields.get(spm, 30, 0, 4, 1), Fields.get(spm, 30, 0, 4, 2)) : null));
      }
      String placer = Fields.get(spm, 2, 0, 1, 1);
      String filler = Fields.get(spm, 2, 0, 2, 1);
      if (placer != null) {
        specimen.addIdentifier(typed(placer, "PLAC"));
      }
      if (filler != null) {
        specimen.addIdentifier(typed(filler, "FILL"));
      }
      codeable(spm, 4, 0, null).ifPresent(specimen::setType);
      codeable(spm, 7, 0, null).ifPresent(method -> specimen.getCollection().setMethod(procedureType(method)));
      codeable(spm, 8, 0, null).ifPresent(site -> specimen.getCollection().setBodySite(site));
      V2Times.dateTime(Fields.get(spm, 17, 0, 1, 1)).ifPresent(t -> specimen.getCollection().setCollected(t));
      V2Times.instant(Fields.get(spm, 18)).ifPresent(specimen::setReceivedTime);
      subject.ifPresent(specimen::setSubject);
      specimen.addRequest(order);
      return specimen;
    }

    /** The specimen an OBR describes when no SPM does (v2-to-FHIR OBR → Specimen: OBR-15, OBR-7, OBR-14). */
    private Optional<Specimen> specimen(OBR obr, String accession, Optional<Reference> subject, Reference order) {
      if (accession == null) {
        return Optional.empty();
      }
      Specimen specimen = new Specimen();
      specimen.setAccessionIdentifier(accessionIdentifier(accession, Fields.get(obr, 3, 0, 2, 1)));
      String type = Fields.get(obr, 15, 0, 1, 1);
      if (type != null) {
        specimen.setType(concept(type, Fields.get(obr, 15, 0, 1, 2), Fields.get(obr, 15, 0, 1, 3), null));
      }
      V2Times.dateTime(Fields.get(obr, 7)).ifPresent(t -> specimen.getCollection().setCollected(t));
      V2Times.instant(Fields.get(obr, 14)).ifPresent(specimen::setReceivedTime);
      subject.ifPresent(specimen::setSubject);
      specimen.addRequest(order);
      return Optional.of(specimen);
    }

    /** SPM-7 collection method; a code that is one of PathTrack's procedure types is also coded as one. */
    private static CodeableConcept procedureType(CodeableConcept method) {
      for (Coding coding : List.copyOf(method.getCoding())) {
        ProcedureType.fromCode(coding.getCode())
            .ifPresent(type -> method.addCoding(new Coding(ProcedureType.SYSTEM, type.code(), coding.getDisplay())));
      }
      return method;
    }

    /** An additional OBR of the case: a grouping Observation (its code, its status) over its results. */
    private Reference section(ORU_R01_ORDER_OBSERVATION group, List<Reference> members, Optional<Reference> subject,
        Ids ids) {
      OBR obr = group.getOBR();
      Observation section = new Observation();
      String status = Fields.get(obr, 25);
      section.setStatus(V2Vocabulary.observationStatus(status));
      section.setCode(codeable(obr, 4, 0, null).orElseGet(() -> new CodeableConcept().setText("report section")));
      subject.ifPresent(section::setSubject);
      V2Times.dateTime(Fields.get(obr, 7)).ifPresent(section::setEffective);
      members.forEach(section::addHasMember);
      notes(reps(group::getNTEAll)).forEach(section::addNote);
      return add(section, ids.next("section"));
    }

    private Reference observation(OBX obx, List<NTE> notes, Optional<Reference> subject, Optional<Reference> specimen,
        DiagnosticReport report, List<String> conclusions, Ids ids) {
      Observation observation = new Observation();
      observation.setStatus(V2Vocabulary.observationStatus(Fields.get(obx, 11)));
      observation.setCode(codeable(obx, 3, 0, null).orElseGet(() -> new CodeableConcept().setText("(no OBX-3)")));
      subject.ifPresent(observation::setSubject);
      specimen.ifPresent(observation::setSpecimen);
      value(obx, observation);
      for (int rep = 0; rep < Fields.repetitions(obx, 8); rep++) {
        codeable(obx, 8, rep, V2Vocabulary.ABNORMAL_FLAGS).ifPresent(observation::addInterpretation);
      }
      V2Times.dateTime(Fields.get(obx, 14)).ifPresent(observation::setEffective);
      notes(notes).forEach(observation::addNote);
      if (isFinalDiagnosis(observation.getCode())) {
        if (observation.hasValueStringType()) {
          conclusions.add(observation.getValueStringType().getValue());
        } else if (observation.hasValueCodeableConcept()) {
          CodeableConcept answer = observation.getValueCodeableConcept();
          report.addConclusionCode(answer.copy());
          String text = answer.hasText() ? answer.getText() : answer.getCodingFirstRep().getDisplay();
          if (text != null) {
            conclusions.add(text);
          }
        }
      }
      return add(observation, ids.next("observation"));
    }

    /** OBX-5 by its data type (OBX-2): coded → CodeableConcept, numeric → Quantity, dates, else text. */
    private void value(OBX obx, Observation observation) {
      int reps = Fields.repetitions(obx, 5);
      if (reps == 0) {
        return;
      }
      String type = Optional.ofNullable(Fields.get(obx, 2)).orElse("").toUpperCase(Locale.ROOT);
      if (CODED.contains(type)) {
        codeable(obx, 5, 0, null).ifPresent(observation::setValue);
        for (int rep = 1; rep < reps; rep++) {
          codeable(obx, 5, rep, null).ifPresent(answer -> observation.addComponent()
              .setCode(observation.getCode().copy()).setValue(answer));
        }
        return;
      }
      if (type.equals("NM") && reps == 1) {
        Optional<Quantity> quantity = quantity(Fields.get(obx, 5), obx);
        if (quantity.isPresent()) {
          observation.setValue(quantity.get());
          return;
        }
      }
      if ((type.equals("DT") || type.equals("DTM") || type.equals("TS")) && reps == 1) {
        Optional<DateTimeType> dateTime = V2Times.dateTime(Fields.get(obx, 5));
        if (dateTime.isPresent()) {
          observation.setValue(dateTime.get());
          return;
        }
      }
      List<String> lines = new ArrayList<>();
      for (int rep = 0; rep < reps; rep++) {
        String text = text(obx, 5, rep);
        if (text != null) {
          lines.add(text);
        }
      }
      String text = FormattedText.plain(String.join("\n", lines));
      if (text != null && !text.isEmpty()) {
        observation.setValue(new StringType(text));
      }
    }

    /** A repetition of a field as text: its components joined by a space (SN "<^5" → "< 5"). */
    private static String text(Segment segment, int field, int rep) {
      List<String> parts = new ArrayList<>();
      for (int component = 1; component <= 20; component++) {
        String part = Fields.get(segment, field, rep, component, 1);
        if (part != null) {
          parts.add(part);
        } else if (component > 1 && Fields.get(segment, field, rep, component + 1, 1) == null) {
          break;
        }
      }
      return parts.isEmpty() ? null : String.join(" ", parts);
    }

    private static Optional<Quantity> quantity(String value, OBX obx) {
      try {
        Quantity quantity = new Quantity().setValue(new BigDecimal(value.replace("+", "")));
        String unit = Fields.get(obx, 6, 0, 1);
        if (unit != null) {
          String unitText = Fields.get(obx, 6, 0, 2);
          String system = V2Vocabulary.system(Fields.get(obx, 6, 0, 3));
          quantity.setUnit(unitText != null ? unitText : unit).setCode(unit).setSystem(system);
        }
        return Optional.of(quantity);
      } catch (NumberFormatException | NullPointerException e) {
        return Optional.empty();
      }
    }

    private static boolean isFinalDiagnosis(CodeableConcept code) {
      for (Coding coding : code.getCoding()) {
        if (FINAL_DIAGNOSIS_LOINC.equals(coding.getCode())
            && (!coding.hasSystem() || V2Vocabulary.LOINC.equals(coding.getSystem()))) {
          return true;
        }
        if (coding.hasDisplay() && FINAL_DIAGNOSIS_LABEL.matcher(coding.getDisplay()).find()) {
          return true;
        }
      }
      return code.hasText() && FINAL_DIAGNOSIS_LABEL.matcher(code.getText()).find();
    }

    private Optional<Reference> patient(PID pid) {
      String id = Fields.get(pid, 3, 0, 1);
      if (id == null) {
        return Optional.empty();
      }
      Patient patient = new Patient();
      for (int rep = 0; rep < Fields.repetitions(pid, 3); rep++) {
        identifier(pid, 3, rep).ifPresent(patient::addIdentifier);
      }
      identifier(pid, 2, 0).ifPresent(patient::addIdentifier);
      for (int rep = 0; rep < Fields.repetitions(pid, 4); rep++) {
        identifier(pid, 4, rep).ifPresent(patient::addIdentifier);
      }
      String family = Fields.get(pid, 5, 0, 1, 1);
      String given = Fields.get(pid, 5, 0, 2);
      if (family != null || given != null) {
        HumanName name = patient.addName().setFamily(family);
        if (given != null) {
          name.addGiven(given);
        }
        Optional.ofNullable(Fields.get(pid, 5, 0, 3)).ifPresent(name::addGiven);
        Optional.ofNullable(Fields.get(pid, 5, 0, 4)).ifPresent(name::addSuffix);
        Optional.ofNullable(Fields.get(pid, 5, 0, 5)).ifPresent(name::addPrefix);
      }
      V2Times.date(Fields.get(pid, 7)).ifPresent(patient::setBirthDateElement);
      Optional.ofNullable(V2Vocabulary.gender(Fields.get(pid, 8))).ifPresent(patient::setGender);
      Identifier first = patient.getIdentifierFirstRep();
      String fullUrl = new Ids("hl7v2|patient|" + first.getSystem() + "|" + first.getValue()).next("patient");
      // a PID repeated for several result groups is one Patient
      Reference reference = patients.computeIfAbsent(fullUrl, url -> add(patient, url));
      return Optional.of(new Reference(reference.getReference()).setIdentifier(first.copy()));
    }

    /** A CX identifier (PID-3): id, assigning authority (HD) as system or assigner, type code (table 0203). */
    private static Optional<Identifier> identifier(Segment segment, int field, int rep) {
      String value = Fields.get(segment, field, rep, 1);
      if (value == null) {
        return Optional.empty();
      }
      Identifier identifier = new Identifier().setValue(value);
      String type = Fields.get(segment, field, rep, 5);
      if (type != null) {
        identifier.getType().addCoding(new Coding(V2Vocabulary.IDENTIFIER_TYPE, type, null));
      }
      String authority = Fields.get(segment, field, rep, 4, 1);
      String universalId = Fields.get(segment, field, rep, 4, 2);
      String universalType = Fields.get(segment, field, rep, 4, 3);
      String system = V2Vocabulary.identifierSystem(type);
      if (system == null && universalId != null && "ISO".equalsIgnoreCase(universalType)) {
        system = "urn:oid:" + universalId;
      }
      identifier.setSystem(system);
      if (authority != null || universalId != null) {
        identifier.getAssigner().setDisplay(authority != null ? authority : universalId);
      }
      return Optional.of(identifier);
    }

    /**
     * A practitioner named in an XCN field (OBR-16, ORC-12) or, with {@code subcomponents}, in the CNN
     * of an NDL field (OBR-32): referenced as {@code Practitioner/<id>} with the name as display, and
     * added to the bundle once. Without an id there is only the display.
     */
    private Optional<Reference> practitioner(Segment segment, int field, boolean subcomponents) {
      return practitioner(segment, field, 0, subcomponents);
    }

    private Optional<Reference> practitioner(Segment segment, int field, int rep, boolean subcomponents) {
      java.util.function.IntFunction<String> part = n -> subcomponents
          ? Fields.get(segment, field, rep, 1, n) : Fields.get(segment, field, rep, n, 1);
      String id = part.apply(1);
      String family = part.apply(2);
      String given = part.apply(3);
      String middle = part.apply(4);
      if (id == null && family == null && given == null) {
        return Optional.empty();
      }
      String display = String.join(" ", java.util.stream.Stream.of(given, middle, family)
          .filter(java.util.Objects::nonNull).toList());
      if (id == null) {
        return Optional.of(new Reference().setDisplay(display));
      }
      String fhirId = fhirId(id);
      Reference reference = practitioners.computeIfAbsent(fhirId, key -> {
        Practitioner practitioner = new Practitioner();
        practitioner.setId(key);
        String idType = subcomponents ? null : Fields.get(segment, field, rep, 13);
        String authority = subcomponents ? part.apply(9) : Fields.get(segment, field, rep, 9);
        Identifier identifier = practitioner.addIdentifier().setValue(id);
        String system = V2Vocabulary.identifierSystem(idType != null ? idType : authority);
        identifier.setSystem(system);
        if (idType != null) {
          identifier.getType().addCoding(new Coding(V2Vocabulary.IDENTIFIER_TYPE, idType, null));
        }
        if (authority != null) {
          identifier.getAssigner().setDisplay(authority);
        }
        if (family != null || given != null) {
          HumanName name = practitioner.addName().setFamily(family);
          java.util.stream.Stream.of(given, middle).filter(java.util.Objects::nonNull).forEach(name::addGiven);
          Optional.ofNullable(part.apply(6)).ifPresent(name::addPrefix);
          Optional.ofNullable(part.apply(7)).ifPresent(name::addSuffix);
        }
        bundle.addEntry().setFullUrl("Practitioner/" + key).setResource(practitioner);
        return new Reference("Practitioner/" + key);
      });
      return Optional.of(new Reference(reference.getReference()).setDisplay(display.isEmpty() ? null : display));
    }

    /** A CWE/CE field as a CodeableConcept: primary and alternate coding, original text (CWE-9). */
    private static Optional<CodeableConcept> codeable(Segment segment, int field, int rep, String defaultSystem) {
      if (segment == null) {
        return Optional.empty();
      }
      String code = Fields.get(segment, field, rep, 1);
      String display = Fields.get(segment, field, rep, 2);
      String system = Fields.get(segment, field, rep, 3);
      CodeableConcept concept = concept(code, display, system, defaultSystem);
      String altCode = Fields.get(segment, field, rep, 4);
      if (altCode != null) {
        concept.addCoding(coding(altCode, Fields.get(segment, field, rep, 5), Fields.get(segment, field, rep, 6), null));
      }
      String originalText = Fields.get(segment, field, rep, 9);
      if (originalText != null) {
        concept.setText(FormattedText.plain(originalText));
      }
      return concept.isEmpty() ? Optional.empty() : Optional.of(concept);
    }

    /**
     * A code with its display and v2 coding system. A bare identifier with neither text nor system is
     * a label, not a code (NAACCR synoptic OBX-3 such as "Histologic Type:"): it becomes the text.
     */
    private static CodeableConcept concept(String code, String display, String system, String defaultSystem) {
      CodeableConcept concept = new CodeableConcept();
      if (code != null && display == null && system == null && defaultSystem == null) {
        return concept.setText(FormattedText.plain(code));
      }
      if (code != null) {
        concept.addCoding(coding(code, display, system, defaultSystem));
      } else if (display != null) {
        concept.setText(FormattedText.plain(display));
      }
      return concept;
    }

    private static Coding coding(String code, String display, String system, String defaultSystem) {
      String fhirSystem = system != null ? V2Vocabulary.system(system) : defaultSystem;
      return new Coding(fhirSystem, code, display == null ? null : FormattedText.plain(display));
    }

    private static List<Annotation> notes(List<NTE> notes) {
      List<Annotation> out = new ArrayList<>();
      for (NTE nte : notes) {
        List<String> lines = new ArrayList<>();
        for (int rep = 0; rep < Fields.repetitions(nte, 3); rep++) {
          Optional.ofNullable(Fields.get(nte, 3, rep, 1)).ifPresent(lines::add);
        }
        String text = FormattedText.plain(String.join("\n", lines));
        if (text != null && !text.isEmpty()) {
          out.add(new Annotation().setText(text));
        }
      }
      return out;
    }

    /** An EI field as an identifier typed with table 0203 (FILL, PLAC); true when there was one. */
    private static boolean addIdentifier(List<Identifier> into, Segment segment, int field, String type) {
      String value = Fields.get(segment, field, 0, 1);
      if (value == null) {
        return false;
      }
      Identifier identifier = typed(value, type);
      String namespace = firstOf(Fields.get(segment, field, 0, 2), Fields.get(segment, field, 0, 3));
      if (namespace != null) {
        identifier.getAssigner().setDisplay(namespace);
      }
      into.add(identifier);
      return true;
    }

    private static Identifier typed(String value, String type) {
      Identifier identifier = new Identifier().setValue(value);
      identifier.getType().addCoding(new Coding(V2Vocabulary.IDENTIFIER_TYPE, type, null));
      return identifier;
    }

    private static Identifier accessionIdentifier(String value, String assigner) {
      Identifier identifier = typed(value, Accessions.IDENTIFIER_TYPE_CODE);
      if (assigner != null) {
        identifier.getAssigner().setDisplay(assigner);
      }
      return identifier;
    }

    /**
     * Adds a resource under its urn:uuid and gives it that id, as a FHIR parser reading the bundle would:
     * a referenced resource without an id is inlined ("contained") by HAPI when the report is encoded.
     */
    private Reference add(Resource resource, String fullUrl) {
      resource.setId(fullUrl);
      bundle.addEntry().setFullUrl(fullUrl).setResource(resource);
      return new Reference(fullUrl);
    }
  }

  /** Name-based UUIDs for the resources of one report, stable for the same message content. */
  private static final class Ids {
    private final String seed;
    private int counter;

    Ids(String seed) {
      this.seed = seed;
    }

    String next(String kind) {
      return "urn:uuid:" + UUID.nameUUIDFromBytes((seed + "|" + kind + "|" + counter++).getBytes(StandardCharsets.UTF_8));
    }
  }

  /** A FHIR id ([A-Za-z0-9-.]{1,64}) from a v2 identifier. */
  static String fhirId(String value) {
    String id = value.trim().replaceAll("[^A-Za-z0-9.-]", "-");
    return id.length() > 64 ? id.substring(0, 64) : id;
  }

  private static String firstOf(String... values) {
    for (String value : values) {
      if (value != null && !value.isBlank()) {
        return value;
      }
    }
    return null;
  }

  /** A segment as text without its set id (field 1), to recognise a repeated segment. */
  private static String segmentKey(Segment segment) {
    try {
      return segment.encode().replaceFirst("^(\\w{3}\\|)[^|]*", "$1");
    } catch (HL7Exception e) {
      return String.valueOf(System.identityHashCode(segment));
    }
  }

  /** A HAPI group getter; they declare HL7Exception, which a parsed message does not throw. */
  private interface Getter<T> {
    List<T> get() throws HL7Exception;
  }

  private static <T> List<T> reps(Getter<T> getter) {
    try {
      return getter.get();
    } catch (HL7Exception e) {
      return List.of();
    }
  }
}
