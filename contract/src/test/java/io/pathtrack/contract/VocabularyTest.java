package io.pathtrack.contract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VocabularyTest {

  @Test
  void severityOrderIsMalignantAtypicalNondiagnosticBenign() {
    assertThat(Outcome.BENIGN.worse(Outcome.NONDIAGNOSTIC)).isEqualTo(Outcome.NONDIAGNOSTIC);
    assertThat(Outcome.NONDIAGNOSTIC.worse(Outcome.ATYPICAL)).isEqualTo(Outcome.ATYPICAL);
    assertThat(Outcome.MALIGNANT.worse(Outcome.ATYPICAL)).isEqualTo(Outcome.MALIGNANT);
    assertThat(Outcome.BENIGN.worse(Outcome.BENIGN)).isEqualTo(Outcome.BENIGN);
  }

  @Test
  void codesRoundTrip() {
    for (Outcome o : Outcome.values()) {
      assertThat(Outcome.fromCode(o.code())).contains(o);
    }
    for (ProcedureType p : ProcedureType.values()) {
      assertThat(ProcedureType.fromCode(p.code().toUpperCase())).contains(p);
    }
    for (Priority p : Priority.values()) {
      assertThat(Priority.fromCode(p.code())).contains(p);
    }
    assertThat(Outcome.fromCode("cancerous")).isEmpty();
  }

  @Test
  void priorityMapsToFhirRequestPriority() {
    assertThat(Priority.URGENT.fhirCode()).isEqualTo("stat");
    assertThat(Priority.ROUTINE.fhirCode()).isEqualTo("routine");
  }
}
