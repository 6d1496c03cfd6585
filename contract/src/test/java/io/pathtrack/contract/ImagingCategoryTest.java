package io.pathtrack.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Period;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Specimen;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How an order's words become an imaging category, and how the concordance and report cues travel. */
class ImagingCategoryTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
      BI-RADS 5                                              | bi-rads-5
      Mammography: BIRADS 4c, suspicious microcalcifications | bi-rads-4C
      BI-RADS category 4B                                    | bi-rads-4b
      bi-rads: 3                                             | bi-rads-3
      BI-RADS® 6 (known biopsy-proven malignancy)            | bi-rads-6
      BI-RADS-Kategorie 5                                    | none
      BI-RADS Kategorie 5                                    | bi-rads-5
      ACR BI-RADS catégorie 4A                               | bi-rads-4a
      BI-RADS 4 left, BI-RADS 5 right                        | none
      BI-RADS 5, confirmed BI-RADS 5 on ultrasound           | bi-rads-5
      Lung-RADS 4X, part-solid nodule                        | lung-rads-4x
      LungRADS 4B                                            | lung-rads-4b
      Lung-RADS 2                                            | lung-rads-2
      Highly suspicious mass, right upper lobe               | imaging-highly-suspicious
      hochgradig suspekter Herd                              | imaging-highly-suspicious
      Suspicious lesion at 10 o'clock                        | imaging-suspicious
      Probably benign, short-interval follow-up              | imaging-probably-benign
      not suspicious, growing fibroadenoma                   | none
      Lytic lesion, query osteomyelitis                      | none
      BI-RADS 7                                              | none
      BIRADS 55                                              | none
      """)
  void anOrderTextStatesItsCategory(String text, String code) {
    Optional<ImagingCategory> found = ImagingCategory.find(text);
    if (code == null) {
      assertThat(found).as(text).isEmpty();
    } else {
      assertThat(found).as(text).isPresent();
      assertThat(found.get().code()).isEqualToIgnoringCase(code);
      assertThat(ImagingCategory.fromCode(found.get().code())).contains(found.get());
    }
  }

  @Test
  void anUnboundedHostileTextIsReadInBoundedTime() {
    String hostile = "BI-RADS ".repeat(200_000) + "bi-rads 5";
    assertThat(ImagingCategory.find(hostile)).isEmpty();
    assertThat(ImagingCategory.fromCode("bi-rads-")).isEmpty();
    assertThat(ImagingCategory.fromCode("x".repeat(10_000))).isEmpty();
  }

  @Test
  void theOrderSaysTheCategoryTheTargetAndWhoPerformedTheBiopsy() {
    Specimen specimen = new Specimen();
    ServiceRequest order = new ServiceRequest();
    order.setId("order");
    order.addReasonCode(new CodeableConcept().setText("Grouped microcalcifications, BI-RADS 4C"));
    order.addPerformer(new Reference("Practitioner/dr-rad"));
    specimen.addContained(order);
    specimen.addRequest(new Reference("#order"));

    assertThat(SpecimenOrders.imagingCategory(specimen)).contains(ImagingCategory.biRads("4C"));
    assertThat(SpecimenOrders.calcificationTarget(specimen)).isTrue();
    assertThat(SpecimenOrders.performer(specimen)).contains("Practitioner/dr-rad");

    specimen.getCollection().setCollector(new Reference("Practitioner/dr-ir"));
    assertThat(SpecimenOrders.performer(specimen)).contains("Practitioner/dr-ir");

    order.getReasonCode().clear();
    order.addNote(new Annotation().setText("CT: lytic lesion of the calcaneus (Kalkaneus)"));
    assertThat(SpecimenOrders.imagingCategory(specimen)).isEmpty();
    assertThat(SpecimenOrders.calcificationTarget(specimen)).isFalse();

    specimen.addNote().setText("rejected: unlabelled container");
    assertThat(SpecimenOrders.reasonFor(specimen, "rejected")).contains("unlabelled container");
    assertThat(SpecimenOrders.reasonFor(specimen, "cancelled")).isEmpty();
  }

  @Test
  void theConcordanceTravelsOnTheSpecimen() {
    Concordance decided = new Concordance(Concordance.State.DISCORDANT, Optional.of(ImagingCategory.biRads("5")),
        Outcome.BENIGN, "DiagnosticReport/r1", "2", Concordance.Calcifications.NOT_CONFIRMED,
        List.of("benign result, imaging highly suspicious: repeat biopsy or excision per protocol"));
    Specimen specimen = new Specimen();
    decided.writeTo(specimen);
    Specimen read = SpecimenOrders.parse(Fhir.json().encodeResourceToString(specimen));

    assertThat(Concordance.readFrom(read)).contains(decided);
    assertThat(decided.needsAction()).isTrue();
  }

  @Test
  void theReportCuesReadFromHeadersLeaveOutWhatCannotBeRead() {
    RecordHeaders headers = new RecordHeaders();
    headers.add(EventHeaders.IMAGING_CATEGORY, "lung-rads-4x".getBytes());
    headers.add(EventHeaders.CALCIFICATIONS, "maybe".getBytes());
    headers.add(EventHeaders.FOLLOW_UPS, "repeat-biopsy:P14D,imaging:P6M,Excision,correlation:P-1D,mdt:oops,clinical".getBytes());

    ReportCues cues = ReportCues.fromHeaders(headers);

    assertThat(cues.imagingCategory()).contains(ImagingCategory.lungRads("4X"));
    assertThat(cues.calcifications()).isEmpty();
    assertThat(cues.followUps()).containsExactly(new ReportCues.FollowUp("repeat-biopsy", Optional.of(Period.ofDays(14))),
        new ReportCues.FollowUp("imaging", Optional.of(Period.ofMonths(6))),
        new ReportCues.FollowUp("correlation", Optional.empty()), new ReportCues.FollowUp("clinical", Optional.empty()));
    assertThat(cues.followUpsHeader()).isEqualTo("repeat-biopsy:P14D,imaging:P6M,correlation,clinical");
  }

  @Test
  void aValueStatedTwiceIsNotReadAndNeverThrows() {
    Specimen specimen = new Specimen();
    ServiceRequest order = new ServiceRequest();
    order.setId("order");
    order.addExtension(Extensions.IMAGING_CATEGORY, new org.hl7.fhir.r4.model.CodeType("bi-rads-5"));
    order.addExtension(Extensions.IMAGING_CATEGORY, new org.hl7.fhir.r4.model.CodeType("bi-rads-2"));
    specimen.addContained(order);
    specimen.addRequest(new Reference("#order"));
    specimen.addExtension(Extensions.LIFECYCLE_STATUS, new org.hl7.fhir.r4.model.CodeType("reported"));
    specimen.addExtension(Extensions.LIFECYCLE_STATUS, new org.hl7.fhir.r4.model.CodeType("rejected"));
    Concordance c = new Concordance(Concordance.State.DISCORDANT, Optional.empty(), Outcome.BENIGN, "DiagnosticReport/r1",
        "1", Concordance.Calcifications.NOT_TARGETED, List.of());
    c.writeTo(specimen);
    specimen.addExtension().setUrl(Extensions.CONCORDANCE).addExtension("state", new org.hl7.fhir.r4.model.CodeType("concordant"));

    assertThat(SpecimenOrders.imagingCategory(specimen)).isEmpty();
    assertThat(SpecimenOrders.lifecycleStatus(specimen)).isEmpty();
    assertThat(Concordance.readFrom(specimen)).isEmpty();
    Specimen broken = new Specimen();
    broken.addExtension().setUrl(Extensions.CONCORDANCE).addExtension("report", new org.hl7.fhir.r4.model.StringType("x"));
    assertThat(Concordance.readFrom(broken)).isEmpty();
  }

  @ParameterizedTest(name = "{0} / {1} / {2} -> {3}")
  @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
      MB   | none                      | none    | MICROBIOLOGY
      MCB  | Wound culture             | none    | MICROBIOLOGY
      SP   | Bone culture              | none    | HISTOLOGY
      MB   | none                      | 60567-5 | MICROBIOLOGY
      MB,SP| none                      | none    | HISTOLOGY
      none | Bone culture              | none    | MICROBIOLOGY
      none | Blutkultur                | none    | MICROBIOLOGY
      none | Kultur, aerob und anaerob | none    | MICROBIOLOGY
      none | Core biopsy - histology; culture if abscess | none | HISTOLOGY
      none | none                      | 600-7   | MICROBIOLOGY
      none | Surgical pathology report | none    | HISTOLOGY
      none | none                      | none    | HISTOLOGY
      """)
  void theDisciplineIsCodedFirstAndWordsOnlyWithoutAPathologyCategory(String sections, String text, String loinc,
      Discipline expected) {
    List<org.hl7.fhir.r4.model.CodeableConcept> categories = new java.util.ArrayList<>();
    if (sections != null) {
      for (String section : sections.split(",")) {
        categories.add(new org.hl7.fhir.r4.model.CodeableConcept(new org.hl7.fhir.r4.model.Coding(Discipline.V2_0074,
            section.trim(), null)));
      }
    }
    org.hl7.fhir.r4.model.CodeableConcept code = new org.hl7.fhir.r4.model.CodeableConcept().setText(text);
    if (loinc != null) {
      code.addCoding(new org.hl7.fhir.r4.model.Coding("http://loinc.org", loinc, null));
    }
    assertThat(Discipline.of(categories, code)).isEqualTo(expected);
  }

  @Test
  void aFollowUpIntervalBeyondTenYearsOrOverflowingIsNotRead() {
    assertThat(ReportCues.followUps("imaging:P400000000W,excision:P300000000Y,mdt:P11Y,clinical:P10Y,imaging:P5000D"))
        .containsExactly(new ReportCues.FollowUp("clinical", Optional.of(Period.ofYears(10))));
  }
}
