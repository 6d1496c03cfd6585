package io.pathtrack.testsupport;

import io.pathtrack.contract.Accessions;
import io.pathtrack.contract.Fhir;
import io.pathtrack.contract.ProcedureType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Specimen;

/** Builders of the FHIR resources tests send: one place, so no test pastes JSON of its own. */
public final class PathologyFixtures {
  public static final String LOINC = "http://loinc.org";
  public static final String SNOMED = "http://snomed.info/sct";

  private PathologyFixtures() {}

  public static SpecimenBuilder specimen(String accession) {
    return new SpecimenBuilder(accession);
  }

  public static ReportBuilder report(String accession) {
    return new ReportBuilder(accession);
  }

  /**
   * The headers results-service puts on a classified-report event, for tests of the services that
   * consume them.
   */
  public static java.util.Map<String, String> classifiedHeaders(String accession, String reportId, String status,
      io.pathtrack.contract.Outcome outcome, Instant issued, Instant time) {
    java.util.Map<String, String> h = new java.util.LinkedHashMap<>();
    h.put(io.pathtrack.contract.EventHeaders.TYPE, io.pathtrack.contract.EventTypes.REPORT_CLASSIFIED);
    h.put(io.pathtrack.contract.EventHeaders.ID, java.util.UUID.randomUUID().toString());
    h.put(io.pathtrack.contract.EventHeaders.SUBJECT, accession);
    h.put(io.pathtrack.contract.EventHeaders.REPORT_ID, reportId);
    h.put(io.pathtrack.contract.EventHeaders.REPORT_VERSION, status + "@" + issued);
    h.put(io.pathtrack.contract.EventHeaders.REPORT_STATUS, status);
    h.put(io.pathtrack.contract.EventHeaders.OUTCOME, outcome.code());
    h.put(io.pathtrack.contract.EventHeaders.REPORT_ISSUED, issued.toString());
    h.put(io.pathtrack.contract.EventHeaders.TIME, time.toString());
    h.put(io.pathtrack.contract.EventHeaders.CONTENT_TYPE, io.pathtrack.contract.EventHeaders.FHIR_JSON);
    return h;
  }

  /**
   * A transaction Bundle as an LIS exports a synoptic report: the report without a conclusion, its
   * finding in an Observation, its Specimen and patient as entries referenced by {@code urn:uuid}.
   */
  public static org.hl7.fhir.r4.model.Bundle transactionBundle(String accession, String finding) {
    org.hl7.fhir.r4.model.Bundle bundle = new org.hl7.fhir.r4.model.Bundle();
    bundle.setType(org.hl7.fhir.r4.model.Bundle.BundleType.TRANSACTION);
    String patientUrl = "urn:uuid:" + java.util.UUID.randomUUID();
    String specimenUrl = "urn:uuid:" + java.util.UUID.randomUUID();
    String observationUrl = "urn:uuid:" + java.util.UUID.randomUUID();
    org.hl7.fhir.r4.model.Patient patient = new org.hl7.fhir.r4.model.Patient();
    patient.addName().setFamily("Test").addGiven("Pat");
    Specimen specimen = new Specimen();
    specimen.getAccessionIdentifier().setSystem("urn:pathtrack:test:accession").setValue(accession);
    specimen.setSubject(new Reference(patientUrl));
    org.hl7.fhir.r4.model.Observation observation = new org.hl7.fhir.r4.model.Observation();
    observation.setStatus(org.hl7.fhir.r4.model.Observation.ObservationStatus.FINAL);
    observation.setCode(new CodeableConcept(new Coding(LOINC, "22637-3", "Pathology report final diagnosis")));
    observation.setSubject(new Reference(patientUrl));
    observation.setValue(new org.hl7.fhir.r4.model.StringType(finding));
    DiagnosticReport report = report(null).subject(patientUrl).build();
    report.addSpecimen(new Reference(specimenUrl));
    report.addResult(new Reference(observationUrl));
    add(bundle, patientUrl, patient);
    add(bundle, specimenUrl, specimen);
    add(bundle, observationUrl, observation);
    add(bundle, "urn:uuid:" + java.util.UUID.randomUUID(), report);
    return bundle;
  }

  private static void add(org.hl7.fhir.r4.model.Bundle bundle, String fullUrl, org.hl7.fhir.r4.model.Resource resource) {
    bundle.addEntry().setFullUrl(fullUrl).setResource(resource).getRequest()
        .setMethod(org.hl7.fhir.r4.model.Bundle.HTTPVerb.POST).setUrl(resource.fhirType());
  }

  /** A Specimen as a lab registers it, its order contained. */
  public static final class SpecimenBuilder {
    private final String accession;
    private ProcedureType procedure = ProcedureType.US_CORE_NEEDLE;
    private String orderingPractitioner = "Practitioner/dr-lee";
    private Instant received = Instant.parse("2026-11-23T09:00:00Z");
    private String patient = "Patient/p-1001";
    private String reason;
    private String collector;
    private String secondOrder;

    private SpecimenBuilder(String accession) {
      this.accession = accession;
    }

    public SpecimenBuilder procedure(ProcedureType procedure) {
      this.procedure = procedure;
      return this;
    }

    public SpecimenBuilder orderedBy(String practitionerReference) {
      this.orderingPractitioner = practitionerReference;
      return this;
    }

    public SpecimenBuilder received(Instant received) {
      this.received = received;
      return this;
    }

    public SpecimenBuilder patient(String patientReference) {
      this.patient = patientReference;
      return this;
    }

    /** The order's reason (ServiceRequest.reasonCode text): the imaging finding, its category, the target. */
    public SpecimenBuilder reason(String text) {
      this.reason = text;
      return this;
    }

    /**
     * A second order for the same specimen, by the same practitioner, with this code text (e.g. "Bone culture": the
     * specimen is also sent to microbiology).
     */
    public SpecimenBuilder alsoOrdered(String codeText) {
      this.secondOrder = codeText;
      return this;
    }

    /** Who performed the biopsy (Specimen.collection.collector). */
    public SpecimenBuilder collectedBy(String practitionerReference) {
      this.collector = practitionerReference;
      return this;
    }

    public Specimen build() {
      Specimen specimen = new Specimen();
      specimen.getAccessionIdentifier().setSystem("urn:pathtrack:test:accession").setValue(accession);
      specimen.setStatus(Specimen.SpecimenStatus.AVAILABLE);
      specimen.setSubject(new Reference(patient));
      if (received != null) {
        specimen.setReceivedTime(Date.from(received));
      }
      if (procedure != null) {
        specimen.getCollection().setMethod(new CodeableConcept(
            new Coding(ProcedureType.SYSTEM, procedure.code(), procedure.display())));
      }
      if (collector != null) {
        specimen.getCollection().setCollector(new Reference(collector));
      }
      if (orderingPractitioner != null) {
        ServiceRequest order = new ServiceRequest();
        order.setId("order");
        order.setStatus(ServiceRequest.ServiceRequestStatus.ACTIVE);
        order.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
        order.setSubject(new Reference(patient));
        order.setRequester(new Reference(orderingPractitioner));
        if (reason != null) {
          order.addReasonCode(new CodeableConcept().setText(reason));
        }
        specimen.addContained(order);
        specimen.addRequest(new Reference("#order"));
        if (secondOrder != null) {
          ServiceRequest second = new ServiceRequest();
          second.setId("order-2");
          second.setStatus(ServiceRequest.ServiceRequestStatus.ACTIVE);
          second.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
          second.setSubject(new Reference(patient));
          second.setRequester(new Reference(orderingPractitioner));
          second.getCode().setText(secondOrder);
          specimen.addContained(second);
          specimen.addRequest(new Reference("#order-2"));
        }
      }
      return specimen;
    }

    public String json() {
      return Fhir.json().encodeResourceToString(build());
    }
  }

  /** A pathology DiagnosticReport as an LIS sends it: its specimen contained, so it carries its accession. */
  public static final class ReportBuilder {
    private final String accession;
    private String id;
    private DiagnosticReport.DiagnosticReportStatus status = DiagnosticReport.DiagnosticReportStatus.FINAL;
    private String conclusion;
    private final List<Coding> conclusionCodes = new ArrayList<>();
    private String subject = "Patient/p-1001";
    private String requester;
    private Instant issued = Instant.parse("2026-11-24T15:30:00Z");
    private Coding category = new Coding("http://terminology.hl7.org/CodeSystem/v2-0074", "SP", "Surgical Pathology");

    private ReportBuilder(String accession) {
      this.accession = accession;
    }

    public ReportBuilder id(String id) {
      this.id = id;
      return this;
    }

    public ReportBuilder status(DiagnosticReport.DiagnosticReportStatus status) {
      this.status = status;
      return this;
    }

    public ReportBuilder conclusion(String conclusion) {
      this.conclusion = conclusion;
      return this;
    }

    public ReportBuilder conclusionCode(String system, String code, String display) {
      conclusionCodes.add(new Coding(system, code, display));
      return this;
    }

    public ReportBuilder subject(String subjectReference) {
      this.subject = subjectReference;
      return this;
    }

    public ReportBuilder withoutSubject() {
      this.subject = null;
      return this;
    }

    /** Names the ordering practitioner through a contained ServiceRequest in {@code basedOn}. */
    public ReportBuilder requester(String practitionerReference) {
      this.requester = practitionerReference;
      return this;
    }

    public ReportBuilder category(String system, String code) {
      this.category = new Coding(system, code, null);
      return this;
    }

    public ReportBuilder issued(Instant issued) {
      this.issued = issued;
      return this;
    }

    public DiagnosticReport build() {
      DiagnosticReport report = new DiagnosticReport();
      if (id != null) {
        report.setId(id);
      }
      report.setStatus(status);
      report.addCategory(new CodeableConcept(category));
      report.setCode(new CodeableConcept(new Coding(LOINC, "60567-5", "Comprehensive pathology report")));
      if (subject != null) {
        report.setSubject(new Reference(subject));
      }
      if (issued != null) {
        report.setIssued(Date.from(issued));
      }
      if (accession != null) {
        Specimen specimen = new Specimen();
        specimen.setId("spec");
        specimen.getAccessionIdentifier().setValue(accession);
        report.addContained(specimen);
        report.addSpecimen(new Reference("#spec"));
        report.addIdentifier()
            .setValue(accession)
            .getType().addCoding(new Coding(Accessions.IDENTIFIER_TYPE_SYSTEM, Accessions.IDENTIFIER_TYPE_CODE, "Accession ID"));
      }
      if (requester != null) {
        ServiceRequest order = new ServiceRequest();
        order.setId("order");
        order.setStatus(ServiceRequest.ServiceRequestStatus.COMPLETED);
        order.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
        if (subject != null) {
          order.setSubject(new Reference(subject));
        }
        order.setRequester(new Reference(requester));
        report.addContained(order);
        report.addBasedOn(new Reference("#order"));
      }
      if (conclusion != null) {
        report.setConclusion(conclusion);
      }
      for (Coding coding : conclusionCodes) {
        report.addConclusionCode(new CodeableConcept(coding));
      }
      return report;
    }

    public String json() {
      return Fhir.json().encodeResourceToString(build());
    }

    public String xml() {
      return Fhir.xml().encodeResourceToString(build());
    }
  }
}
