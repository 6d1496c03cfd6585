package io.pathtrack.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ProcedureTypesTest {
  private final ProcedureTypes types = new ProcedureTypes(Map.of("123456", ProcedureType.CT_BONE));

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      Fine needle aspiration, thyroid nodule              | FINE_NEEDLE_ASPIRATION
      US-guided FNA of cervical lymph node                | FINE_NEEDLE_ASPIRATION
      Ultrasound-guided core needle biopsy, left breast   | US_CORE_NEEDLE
      Stereotactic vacuum-assisted breast biopsy          | STEREOTACTIC_VACUUM
      3D stereotactic (tomosynthesis-guided) VAB          | STEREOTACTIC_3D_VACUUM
      MRI-guided breast biopsy                            | MRI_GUIDED
      CT-guided biopsy of iliac bone lesion               | CT_BONE
      CT guided core biopsy right lung nodule             | CT_LUNG_SOFT_TISSUE
      CT-guided biopsy, retroperitoneal soft tissue mass  | CT_LUNG_SOFT_TISSUE
      Wide local excision, melanoma                       | SURGICAL_EXCISION
      Left mastectomy                                     | SURGICAL_EXCISION
      """)
  void procedureNamedInWordsIsPlaced(String text, ProcedureType expected) {
    assertThat(types.classify(List.of(new ProcedureTypes.Concept(null, null, text)))).isEqualTo(expected);
  }

  @Test
  void ourCodeThenTheSitesSnomedMapThenWords() {
    assertThat(types.classify(List.of(new ProcedureTypes.Concept(ProcedureType.SYSTEM, "mri-guided", "CT bone")))).isEqualTo(ProcedureType.MRI_GUIDED);
    assertThat(types.classify(List.of(new ProcedureTypes.Concept(ProcedureTypes.SNOMED, "123456", "fine needle")))).isEqualTo(ProcedureType.CT_BONE);
    assertThat(types.classify(List.of(new ProcedureTypes.Concept(ProcedureTypes.SNOMED, "999", "fine needle aspiration")))).isEqualTo(ProcedureType.FINE_NEEDLE_ASPIRATION);
  }

  @Test
  void unplaceableProcedureIsUnmapped() {
    assertThat(types.classify(List.of(new ProcedureTypes.Concept(null, null, "punch")))).isEqualTo(ProcedureType.UNMAPPED);
    assertThat(types.classify(List.of())).isEqualTo(ProcedureType.UNMAPPED);
  }
}
