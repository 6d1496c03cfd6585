package io.pathtrack.results.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.pathtrack.contract.EventHeaders;
import io.pathtrack.contract.Extensions;
import io.pathtrack.contract.Outcome;
import io.pathtrack.results.publish.ClassifiedEvents;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What a report says beyond its outcome, read by the intake every channel shares and carried in the event's headers
 * (docs/architecture.md §4a): follow-ups, calcifications, the imaging category of its own order, its care team, and a
 * culture report read as a culture.
 */
class ReportCuesTest {
  private final ReportIntake intake = ConfiguredIntake.asConfigured();

  private Map<String, String> headersOf(String json) {
    ClassifiedReport r = intake.assess(json.getBytes(StandardCharsets.UTF_8), "application/fhir+json").get(0);
    Map<String, byte[]> raw = ClassifiedEvents.headers(r, "rest", "urn:test", Instant.parse("2026-12-01T10:00:00Z"));
    java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
    raw.forEach((k, v) -> out.put(k, new String(v, StandardCharsets.UTF_8)));
    return out;
  }

  private static String report(String accession, String category, String code, String conclusion, String extra) {
    return """
        {"resourceType":"DiagnosticReport","id":"%1$s-r","status":"final",
         "contained":[
           {"resourceType":"CareTeam","id":"team","participant":[{"member":{"reference":"Practitioner/dr-novak"}},
             {"member":{"reference":"Practitioner/dr-okafor"}},{"member":{"reference":"Organization/ward-5"}}]},
           {"resourceType":"ServiceRequest","id":"order","status":"completed","intent":"order",
            "subject":{"reference":"Patient/p-1"},"requester":{"reference":"Practitioner/dr-lee"},
            "performer":[{"reference":"#team"}],
            "reasonCode":[{"text":"Mammography: pleomorphic calcifications, BI-RADS 4C"}]},
           {"resourceType":"Procedure","id":"bx","status":"completed","subject":{"reference":"Patient/p-1"},
            "performer":[{"actor":{"reference":"Practitioner/dr-chen"}}]},
           {"resourceType":"Encounter","id":"stay","status":"in-progress","class":{"code":"IMP"},
            "participant":[{"type":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v3-ParticipationType","code":"ATND"}]}],
              "individual":{"reference":"Practitioner/dr-patel"}},
             {"type":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v3-ParticipationType","code":"CON"}]}],
              "individual":{"reference":"Practitioner/dr-chen"}}]}],
         "identifier":[{"type":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v2-0203","code":"ACSN"}]},"value":"%1$s"}],
         "basedOn":[{"reference":"#order"}],
         "category":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v2-0074","code":"%2$s"}]}],
         "code":{"text":"%3$s"},
         "subject":{"reference":"Patient/p-1"},"encounter":{"reference":"#stay"},
         "issued":"2026-12-01T09:00:00Z",
         "conclusion":"%4$s"%5$s}
        """.formatted(accession, category, code, conclusion, extra);
  }

  @Test
  void aBreastCoreReportsFollowUpsCalcificationsCategoryAndCareTeamTravelInItsHeaders() {
    Map<String, String> h = headersOf(report("S26-CUE-1", "SP", "Breast core biopsy",
        "Benign breast tissue with fibrocystic change; calcifications are present in benign ducts. "
            + "Radiology-pathology correlation is recommended; repeat imaging in 6 months is advised.", ""));

    assertThat(h).containsEntry(EventHeaders.OUTCOME, "benign")
        .containsEntry(EventHeaders.DISCIPLINE, "histology")
        .containsEntry(EventHeaders.CALCIFICATIONS, "present")
        .containsEntry(EventHeaders.IMAGING_CATEGORY, "bi-rads-4c")
        .containsEntry(EventHeaders.CARE_TEAM, "Practitioner/dr-novak,Practitioner/dr-okafor,Practitioner/dr-patel")
        .containsEntry(EventHeaders.PERFORMER, "Practitioner/dr-chen");
    assertThat(h.get(EventHeaders.FOLLOW_UPS).split(",")).contains("correlation", "imaging:P6M");
    assertThat(h).doesNotContainKey(EventHeaders.CULTURE);
  }

  @Test
  void aReportWithoutCuesSaysNotMentionedAndNothingElse() {
    Map<String, String> h = headersOf(report("S26-CUE-2", "SP", "Lung core biopsy", "Invasive adenocarcinoma.", "")
        .replace("BI-RADS 4C", "lung mass"));

    assertThat(h).containsEntry(EventHeaders.CALCIFICATIONS, "not-mentioned").doesNotContainKey(EventHeaders.FOLLOW_UPS)
        .doesNotContainKey(EventHeaders.IMAGING_CATEGORY);
  }

  @Test
  void aCultureReportIsReadAsACultureNotClassifiedAsHistology() {
    String culture = report("S26-CUE-3", "MB", "Bone culture", "Staphylococcus aureus isolated from the bone biopsy.", "");
    ClassifiedReport r = intake.assess(culture.getBytes(StandardCharsets.UTF_8), "application/fhir+json").get(0);

    assertThat(r.classification().outcome()).isEqualTo(Outcome.ATYPICAL);
    assertThat(r.classification().decidingEvidence().matched()).isEqualTo("culture: growth of Staphylococcus aureus");
    assertThat(r.report().getExtensionByUrl(Extensions.CULTURE).getValue().primitiveValue()).isEqualTo("growth");
    assertThat(headersOf(culture)).containsEntry(EventHeaders.DISCIPLINE, "microbiology")
        .containsEntry(EventHeaders.CULTURE, "growth");

    Map<String, String> sterile = headersOf(report("S26-CUE-4", "MB", "Bone culture", "No growth after 7 days.", ""));
    assertThat(sterile).containsEntry(EventHeaders.CULTURE, "no-growth").containsEntry(EventHeaders.OUTCOME, "benign");
    // A final culture stating neither growth nor no growth needs review.
    Map<String, String> unread = headersOf(report("S26-CUE-5", "MB", "Bone culture", "Specimen processed.", ""));
    assertThat(unread).containsEntry(EventHeaders.CULTURE, "unknown").containsEntry(EventHeaders.NEEDS_REVIEW, "true")
        .containsEntry(EventHeaders.OUTCOME, "atypical");
    // A culture by its codes that names a malignancy is read as histology: the malignancy is not missed.
    Map<String, String> malignant = headersOf(report("S26-CUE-7", "MB", "Bone culture",
        "No growth. Metastatic carcinoma cells noted in the submitted fragments.", ""));
    assertThat(malignant).containsEntry(EventHeaders.OUTCOME, "malignant").containsEntry(EventHeaders.DISCIPLINE, "histology")
        .doesNotContainKey(EventHeaders.CULTURE);
    // A pathology category beside a culture word is histology.
    assertThat(headersOf(report("S26-CUE-8", "SP", "Core biopsy for histology and culture", "Fibroadenoma.", "")))
        .containsEntry(EventHeaders.DISCIPLINE, "histology");
  }

  @Test
  void aSendersOwnCueExtensionsAreReplacedByTheSystemsReading() {
    String forged = report("S26-CUE-6", "SP", "Breast core biopsy", "Fibroadenoma.",
        ",\"extension\":[{\"url\":\"" + Extensions.CULTURE + "\",\"valueCode\":\"growth\"},{\"url\":\"" + Extensions.CARE_TEAM
            + "\",\"valueReference\":{\"reference\":\"Practitioner/intruder\"}}]");

    Map<String, String> h = headersOf(forged);

    assertThat(h).doesNotContainKey(EventHeaders.CULTURE).containsEntry(EventHeaders.DISCIPLINE, "histology");
    assertThat(h.get(EventHeaders.CARE_TEAM)).doesNotContain("intruder");
    assertThat(List.of(h.get(EventHeaders.CARE_TEAM).split(","))).hasSize(3);
  }
}
