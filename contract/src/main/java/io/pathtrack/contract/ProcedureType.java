package io.pathtrack.contract;

import java.util.Optional;

/**
 * The biopsy or specimen procedure that produced a specimen. It sets the turnaround target (docs/architecture.md §5).
 * Carried as a Coding in {@code Specimen.collection.method} with system {@link #SYSTEM}.
 */
public enum ProcedureType implements Coded {
  FINE_NEEDLE_ASPIRATION("fna", "Fine-needle aspiration"),
  US_CORE_NEEDLE("us-core", "Ultrasound-guided core needle biopsy"),
  STEREOTACTIC_VACUUM("stereotactic-vab", "Stereotactic vacuum-assisted biopsy"),
  STEREOTACTIC_3D_VACUUM("stereotactic-3d-vab", "3-D stereotactic vacuum-assisted biopsy"),
  MRI_GUIDED("mri-guided", "MRI-guided biopsy"),
  CT_BONE("ct-bone", "CT-guided bone biopsy"),
  CT_LUNG_SOFT_TISSUE("ct-lung-soft-tissue", "CT-guided lung or soft-tissue core biopsy"),
  SURGICAL_EXCISION("surgical-excision", "Surgical or excisional specimen"),
  /** A procedure the vocabulary could not place; it gets the default target and is flagged. */
  UNMAPPED("unmapped", "Unmapped procedure");

  public static final String SYSTEM = Vocabulary.BASE + "/CodeSystem/procedure-type";

  private final Concept concept;

  ProcedureType(String code, String display) {
    this.concept = new Concept(code, display);
  }

  @Override
  public Concept concept() {
    return concept;
  }

  public static Optional<ProcedureType> fromCode(String code) {
    return Coded.byCode(ProcedureType.class, code == null ? null : code.trim());
  }
}
