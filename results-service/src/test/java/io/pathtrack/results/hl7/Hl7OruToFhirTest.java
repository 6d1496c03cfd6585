package io.pathtrack.results.hl7;

import static io.pathtrack.results.hl7.Hl7Fixtures.all;
import static io.pathtrack.results.hl7.Hl7Fixtures.convert;
import static io.pathtrack.results.hl7.Hl7Fixtures.message;
import static io.pathtrack.results.hl7.Hl7Fixtures.onlyReport;
import static io.pathtrack.results.hl7.Hl7Fixtures.resolve;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.v251.message.ORU_R01;
import ca.uhn.hl7v2.util.Terser;
import io.pathtrack.contract.Accessions;
import io.pathtrack.contract.Fhir;
import io.pathtrack.contract.ProcedureType;
import io.pathtrack.contract.SpecimenOrders;
import io.pathtrack.results.validation.ReportRejectedException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.DiagnosticReport.DiagnosticReportStatus;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Specimen;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The ORU^R01 → FHIR mapping, one rule at a time. Pure: no listener, no Kafka. */
class Hl7OruToFhirTest {

  @ParameterizedTest(name = "OBR-25 {0} -> {1}")
  @CsvSource({
      "F, FINAL", "C, CORRECTED", "P, PRELIMINARY", "A, PARTIAL", "R, PARTIAL", "S, PARTIAL",
      "I, REGISTERED", "O, REGISTERED", "X, CANCELLED"})
  void reportStatusFollowsTheV2ToFhirResultStatusMap(String obr25, DiagnosticReportStatus status) {
    Bundle bundle = convert(with(message("benign.hl7"), "/.OBR-25", obr25));
    assertThat(onlyReport(bundle).getStatus()).isEqualTo(status);
  }

  @Test
  void aResultStatusOutsideTable0123IsRefusedNamingObr25() {
    assertThatThrownBy(() -> convert(message("invalid-status.hl7")))
        .isInstanceOfSatisfying(ReportRejectedException.class, e -> {
          assertThat(e.parseFailure()).isFalse();
          assertThat(e.primary().expression()).isEqualTo("OBR-25");
          assertThat(e.primary().code()).isEqualTo("code-invalid");
          assertThat(e.primary().message()).contains("'Q'", "table 0123");
        });
  }

  @Test
  void aMessageRefusedForItsStatusStillTellsTheAccessionItIsKeptUnder() {
    Bundle bundle = OruToFhir.convertDespiteErrors(message("invalid-status.hl7").getBytes(StandardCharsets.UTF_8)).orElseThrow();
    assertThat(onlyReport(bundle).hasStatus()).isFalse();
    assertThat(all(bundle, Specimen.class).get(0).getAccessionIdentifier().getValue()).isEqualTo("S26-HL7-X3");
    assertThat(OruToFhir.convertDespiteErrors("garbage".getBytes(StandardCharsets.UTF_8))).isEmpty();
  }

  @Test
  void reportCodeIssuedAndEffectiveComeFromObr4Obr22AndObr7() {
    DiagnosticReport report = onlyReport(convert(message("benign.hl7")));
    assertThat(report.getCode().getCodingFirstRep().getSystem()).isEqualTo("http://loinc.org");
    assertThat(report.getCode().getCodingFirstRep().getCode()).isEqualTo("60567-5");
    assertThat(report.getIssued().toInstant()).hasToString("2026-11-26T15:10:00Z");
    assertThat(report.getEffectiveDateTimeType().getValueAsString()).isEqualTo("2026-11-24T09:30:00-05:00");
    assertThat(report.getIdentifier()).anySatisfy(id -> {
      assertThat(id.getValue()).isEqualTo("S26-HL7-B1");
      assertThat(id.getType().getCodingFirstRep().getCode()).isEqualTo("FILL");
    });
  }

  @Test
  void subjectIsThePatientOfPidWithItsIdentifiersNameBirthDateAndSex() {
    Bundle bundle = convert(message("benign.hl7"));
    DiagnosticReport report = onlyReport(bundle);
    Patient patient = resolve(bundle, report.getSubject().getReference(), Patient.class);
    assertThat(patient.getIdentifierFirstRep().getValue()).isEqualTo("MRN-7001");
    assertThat(patient.getIdentifierFirstRep().getType().getCodingFirstRep().getCode()).isEqualTo("MR");
    assertThat(patient.getIdentifierFirstRep().getAssigner().getDisplay()).isEqualTo("CITYHOSP");
    assertThat(patient.getNameFirstRep().getFamily()).isEqualTo("Doe");
    assertThat(patient.getNameFirstRep().getGivenAsSingleString()).isEqualTo("Jane Q");
    assertThat(patient.getBirthDateElement().getValueAsString()).isEqualTo("1970-01-01");
    assertThat(patient.getGender()).isEqualTo(AdministrativeGender.FEMALE);
    assertThat(report.getSubject().getIdentifier().getValue()).isEqualTo("MRN-7001");
  }

  @Test
  void withoutPid3ThereIsNoSubject() {
    DiagnosticReport report = onlyReport(convert(message("invalid-no-patient-id.hl7")));
    assertThat(report.hasSubject()).isFalse();
  }

  @Test
  void theAccessionIsSpm30InTheSpecimenTheReportReferences() {
    String message = message("benign.hl7").replace("||||||||||||S26-HL7-B1\n", "||||||||||||S26-SPM-30\n");
    Bundle bundle = convert(message);
    DiagnosticReport report = onlyReport(bundle);
    Specimen specimen = resolve(bundle, report.getSpecimenFirstRep().getReference(), Specimen.class);
    assertThat(specimen.getAccessionIdentifier().getValue()).isEqualTo("S26-SPM-30");
    assertThat(specimen.getAccessionIdentifier().getType().getCodingFirstRep().getCode()).isEqualTo(Accessions.IDENTIFIER_TYPE_CODE);
    assertThat(specimen.getIdentifier()).extracting(i -> i.getValue()).containsExactly("S26-HL7-B1-A");
    assertThat(specimen.getCollection().getCollectedDateTimeType().getValueAsString()).isEqualTo("2026-11-24T09:30:00-05:00");
  }

  @Test
  void withoutSpm30TheAccessionIsTheFillerOrderNumberObr3() {
    String message = message("benign.hl7").replace("||||||||||||S26-HL7-B1\n", "\n").replace("|S26-HL7-B1|", "|S26-OBR-3|");
    Bundle bundle = convert(message);
    Specimen specimen = resolve(bundle, onlyReport(bundle).getSpecimenFirstRep().getReference(), Specimen.class);
    assertThat(specimen.getAccessionIdentifier().getValue()).isEqualTo("S26-OBR-3");
  }

  @Test
  void withoutSpmTheSpecimenComesFromTheObrWithItsAccession() {
    Bundle bundle = convert(message("atypical.hl7"));
    List<Specimen> specimens = all(bundle, Specimen.class);
    assertThat(specimens).hasSize(1);
    assertThat(specimens.get(0).getAccessionIdentifier().getValue()).isEqualTo("S26-HL7-A1");
    assertThat(onlyReport(bundle).getSpecimenFirstRep().getReference()).isEqualTo(specimens.get(0).getIdElement().getValue());
  }

  @Test
  void withoutObr3TheAccessionIsObr20() {
    String message = message("atypical.hl7").replace("OBR|1|ORD-7002|S26-HL7-A1|", "OBR|1|ORD-7002||")
        .replace("ORC|RE|ORD-7002|S26-HL7-A1|", "ORC|RE|ORD-7002||");
    Bundle bundle = convert(with(message, "/.OBR-20", "S26-OBR-20"));
    assertThat(all(bundle, Specimen.class).get(0).getAccessionIdentifier().getValue()).isEqualTo("S26-OBR-20");
  }

  @Test
  void theSpecimenCollectionMethodNamesAPathTrackProcedureType() {
    Bundle bundle = convert(message("benign.hl7"));
    Specimen specimen = all(bundle, Specimen.class).get(0);
    assertThat(SpecimenOrders.procedureType(specimen)).contains(ProcedureType.fromCode("us-core").orElseThrow());
  }

  @Test
  void theOrderingProviderOfObr16IsTheRequesterOfTheOrderTheReportIsBasedOn() {
    Bundle bundle = convert(message("benign.hl7"));
    DiagnosticReport report = onlyReport(bundle);
    ServiceRequest order = resolve(bundle, report.getBasedOnFirstRep().getReference(), ServiceRequest.class);
    assertThat(order.getRequester().getReference()).isEqualTo("Practitioner/dr-lee");
    assertThat(order.getRequester().getDisplay()).isEqualTo("Anna Lee");
    Practitioner practitioner = resolve(bundle, "Practitioner/dr-lee", Practitioner.class);
    assertThat(practitioner.getNameFirstRep().getPrefixAsSingleString()).isEqualTo("Dr.");
    assertThat(order.getIdentifier()).extracting(i -> i.getValue()).contains("ORD-7001", "S26-HL7-B1");
    assertThat(order.getSpecimenFirstRep().getReference()).isEqualTo(report.getSpecimenFirstRep().getReference());
  }

  @Test
  void resultCopiesToInObr28BecomeCopiesToExtensionsOfTheOrder() {
    String text = message("benign.hl7").replaceFirst("(OBR\\|[^\r\n]*\\|F)", "$1|||dr-okafor^Okafor^Chidi~dr-novak^Novak^Eva");
    ServiceRequest order = all(convert(text), ServiceRequest.class).get(0);
    assertThat(order.getExtensionsByUrl(io.pathtrack.contract.Extensions.COPIES_TO))
        .extracting(e -> ((org.hl7.fhir.r4.model.Reference) e.getValue()).getReference())
        .containsExactly("Practitioner/dr-okafor", "Practitioner/dr-novak");
  }

  @Test
  void withoutObr16TheOrderingProviderIsOrc12() {
    Bundle bundle = convert(message("atypical.hl7"));
    ServiceRequest order = all(bundle, ServiceRequest.class).get(0);
    assertThat(order.getRequester().getReference()).isEqualTo("Practitioner/dr-patel");
    assertThat(order.getRequester().getDisplay()).isEqualTo("Ravi Patel");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "SCT, http://snomed.info/sct", "LN, http://loinc.org", "ICDO3, http://terminology.hl7.org/CodeSystem/icd-o-3",
      "ICD-O-3, http://terminology.hl7.org/CodeSystem/icd-o-3", "CAPECC, https://cap.org/eCC", "CAPECP, https://cap.org/eCC",
      "I10, http://hl7.org/fhir/sid/icd-10", "HL70487, http://terminology.hl7.org/CodeSystem/v2-0487",
      "UCUM, http://unitsofmeasure.org", "L, L"})
  void v2CodingSystemNamesBecomeFhirSystemUris(String v2, String fhir) {
    assertThat(V2Vocabulary.system(v2)).isEqualTo(fhir);
  }

  @Test
  void codedAnswersKeepTheirPrimaryAndAlternateCodings() {
    Bundle bundle = convert(new String(Hl7Fixtures.corpus("sdccdm-obx-Adrenal.hl7"), StandardCharsets.UTF_8));
    Observation subtype = all(bundle, Observation.class).stream()
        .filter(o -> "59852.1000043".equals(o.getCode().getCodingFirstRep().getCode())).findFirst().orElseThrow();
    assertThat(subtype.getCode().getCodingFirstRep().getSystem()).isEqualTo("https://cap.org/eCC");
    assertThat(subtype.getValueCodeableConcept().getCoding()).extracting(Coding::getSystem, Coding::getCode)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("https://cap.org/eCC", "2117.1000043"),
            org.assertj.core.groups.Tuple.tuple("http://snomed.info/sct", "2227007"));
  }

  @Test
  void numericAnswersAreQuantitiesWithTheirUnit() {
    Bundle bundle = convert(new String(Hl7Fixtures.corpus("sdcconnectathon-ColonPathReport_Rosa.hl7"), StandardCharsets.UTF_8));
    Observation size = all(bundle, Observation.class).stream()
        .filter(o -> "1452.100004300".equals(o.getCode().getCodingFirstRep().getCode()) && o.hasValueQuantity())
        .findFirst().orElseThrow();
    assertThat(size.getValueQuantity().getValue()).isEqualByComparingTo("5");
    assertThat(size.getValueQuantity().getCode()).isEqualTo("cm");
    assertThat(size.getValueQuantity().getSystem()).isEqualTo("http://unitsofmeasure.org");
  }

  @Test
  void theFinalDiagnosisIsTheConclusionWithItsEscapesDecoded() {
    DiagnosticReport report = onlyReport(convert(message("nondiagnostic.hl7")));
    assertThat(report.getConclusion())
        .isEqualTo("Iliac crest biopsy:\nnondiagnostic; crushed bone & blood only, no marrow elements.");
  }

  @Test
  void aCodedFinalDiagnosisIsAlsoAConclusionCode() {
    DiagnosticReport report = onlyReport(convert(message("benign.hl7")));
    assertThat(report.getConclusionCode()).singleElement()
        .satisfies(c -> assertThat(c.getCodingFirstRep().getSystem()).isEqualTo("http://terminology.hl7.org/CodeSystem/icd-o-3"));
    assertThat(report.getConclusion()).contains("fibroadenoma. Negative for malignancy.").contains("Fibroadenoma, NOS");
  }

  @Test
  void anObx3LabelSayingFinalDiagnosisMarksTheConclusionToo() {
    String message = message("benign.hl7")
        .replace("OBX|3|TX|22637-3^Path report.final diagnosis^LN|", "OBX|3|TX|^Final Diagnosis:|")
        .replace("OBX|4|CWE|22637-3^Path report.final diagnosis^LN||90100^Fibroadenoma, NOS^ICDO3||||||F\n", "");
    DiagnosticReport report = onlyReport(convert(message));
    assertThat(report.getConclusion()).startsWith("Left breast, 10 o'clock");
  }

  @Test
  void textAnswersAreStringsAndNotesAreAnnotations() {
    Bundle bundle = convert(message("nondiagnostic.hl7"));
    Observation diagnosis = all(bundle, Observation.class).get(0);
    assertThat(diagnosis.getValueStringType().getValue()).startsWith("Iliac crest biopsy:\nnondiagnostic");
    assertThat(diagnosis.getNoteFirstRep().getText()).isEqualTo("Consider repeat biopsy.");
    assertThat(all(bundle, ServiceRequest.class).get(0).getNoteFirstRep().getText()).isEqualTo("CT-guided bone biopsy; decalcified.");
  }

  @Test
  void aFreeTextObx3IsTheObservationsLabel() {
    Bundle bundle = convert(new String(Hl7Fixtures.corpus("lfh-ORU_R01_NAACCRv5_Synoptic_CAPeCC_sections_long.hl7"), StandardCharsets.UTF_8));
    assertThat(all(bundle, Observation.class)).anySatisfy(o -> {
      assertThat(o.getCode().getText()).isEqualTo("Histologic type");
      assertThat(o.getCode().hasCoding()).isFalse();
      assertThat(o.getValueStringType().getValue()).isEqualTo("Adenocarcinoma (acinar, not otherwisespecified)");
    });
  }

  @Test
  void theOrdersOfOneCaseAreOneReportWithASectionPerFurtherOrder() {
    Bundle bundle = convert(new String(Hl7Fixtures.corpus(
        "lfh-ORU_R01_NAACCRv5_Comprehensive_nonCAPSynoptic_narrative_headers.hl7"), StandardCharsets.UTF_8));
    DiagnosticReport report = onlyReport(bundle);
    assertThat(report.getCode().getCodingFirstRep().getCode()).isEqualTo("60567-5");
    List<Observation> sections = report.getResult().stream()
        .map(r -> resolve(bundle, r.getReference(), Observation.class)).filter(Observation::hasHasMember).toList();
    assertThat(sections).extracting(s -> s.getCode().getCodingFirstRep().getCode()).containsExactly("11529-5", "60568-3");
    // "…||||||F OBX|2|ST|60572-5…" on one line is two OBX: 89 results in the synoptic section
    assertThat(sections.get(1).getHasMember()).hasSize(89);
  }

  @Test
  void specimenSegmentsRepeatedUnderEachOrderAreOneSpecimenEach() {
    Bundle bundle = convert(new String(Hl7Fixtures.corpus("sdccdm-24-11-000312-2_thyroid.hl7"), StandardCharsets.UTF_8));
    assertThat(all(bundle, Specimen.class)).hasSize(10);
    assertThat(onlyReport(bundle).getSpecimen()).hasSize(10);
  }

  @Test
  void mshAndPidOnOneLineAndASecondPidStillGiveThePatient() {
    Bundle bundle = convert(new String(Hl7Fixtures.corpus("lfh-ORU_R01_NAACCRv5_Synoptic_CAPeCC_sections_long.hl7"), StandardCharsets.UTF_8));
    DiagnosticReport report = onlyReport(bundle);
    assertThat(report.getSubject().getIdentifier().getValue()).isEqualTo("123456789");
  }

  @Test
  void version231MessagesAreRead() {
    DiagnosticReport report = onlyReport(convert(message("atypical.hl7")));
    assertThat(report.getStatus()).isEqualTo(DiagnosticReportStatus.FINAL);
    assertThat(report.getConclusion()).contains("atypia of undetermined significance");
  }

  @Test
  void aMessageWithoutAnOrderIsRefusedNamingObr() {
    assertThatThrownBy(() -> convert(message("invalid-no-order.hl7")))
        .isInstanceOfSatisfying(ReportRejectedException.class, e -> {
          assertThat(e.parseFailure()).isFalse();
          assertThat(e.primary().expression()).isEqualTo("OBR");
          assertThat(e.primary().code()).isEqualTo("required");
        });
  }

  @Test
  void anotherMessageTypeIsUnreadableHereNamingMsh9() {
    assertThatThrownBy(() -> convert(message("adt-a01.hl7")))
        .isInstanceOfSatisfying(ReportRejectedException.class, e -> {
          assertThat(e.parseFailure()).isTrue();
          assertThat(e.primary().expression()).isEqualTo("MSH-9");
          assertThat(e.primary().message()).contains("ADT^A01");
        });
  }

  @Test
  void garbageIsUnreadable() {
    assertThatThrownBy(() -> convert("\u0000\u0001 not a message"))
        .isInstanceOfSatisfying(ReportRejectedException.class, e -> assertThat(e.parseFailure()).isTrue());
    assertThatThrownBy(() -> convert("MSH|^~\\&|"))
        .isInstanceOfSatisfying(ReportRejectedException.class, e -> assertThat(e.parseFailure()).isTrue());
  }

  @Test
  void theSameMessageAlwaysGivesTheSameResources() {
    String first = Fhir.json().encodeResourceToString(convert(message("benign.hl7")));
    String second = Fhir.json().encodeResourceToString(convert(message("benign.hl7")));
    assertThat(first).isEqualTo(second);
  }

  /** The message with one field set, through HAPI's Terser (e.g. {@code /.OBR-25}). */
  private static String with(String message, String path, String value) {
    try {
      ORU_R01 oru = OruMessages.read(message);
      new Terser(oru).set(path, value);
      return oru.encode();
    } catch (HL7Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
