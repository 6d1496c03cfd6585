package io.pathtrack.results.followup;

import java.util.Optional;

/**
 * What a pathology report recommends doing next. Each kind has a stable {@link #code()} for messages and stores,
 * and an English {@link #display()} for people.
 *
 * <p>An excisional biopsy removes the whole lesion, so it is an {@link #EXCISION}, not a
 * {@link #REPEAT_BIOPSY}; a core, needle or punch biopsy recommended again is a repeat biopsy.
 */
public enum FollowUpKind {
  /** Another sample: repeat or re-biopsy, further core or needle biopsy ("Rebiopsie", "erneute Biopsie"). */
  REPEAT_BIOPSY("repeat-biopsy", "Repeat biopsy"),
  /** Surgical removal: excision, excisional biopsy, re-excision ("operative Entfernung", "Exzision"). */
  EXCISION("excision", "Surgical excision"),
  /** Imaging follow-up: short-interval follow-up, repeat mammogram, ultrasound, CT or MRI ("Verlaufskontrolle"). */
  IMAGING("imaging", "Imaging follow-up"),
  /** Clinical and radiological correlation, radiology-pathology correlation ("Korrelation mit der Bildgebung"). */
  CORRELATION("correlation", "Clinical and radiological correlation"),
  /** Multidisciplinary team or tumour board review ("Tumorkonferenz", "interdisziplinäre Fallkonferenz"). */
  MDT("mdt", "Multidisciplinary team review"),
  /** Further tests on the tissue: molecular or genetic testing, immunohistochemistry, flow cytometry. */
  ANCILLARY("ancillary", "Ancillary testing"),
  /** Clinical follow-up, review or referral ("klinische Kontrolle", "Vorstellung"). */
  CLINICAL("clinical", "Clinical follow-up");

  private final String code;
  private final String display;

  FollowUpKind(String code, String display) {
    this.code = code;
    this.display = display;
  }

  /** The stable code, e.g. {@code repeat-biopsy}. */
  public String code() {
    return code;
  }

  /** The English display, e.g. {@code Repeat biopsy}. */
  public String display() {
    return display;
  }

  /** The kind with this code, if there is one. */
  public static Optional<FollowUpKind> fromCode(String code) {
    for (FollowUpKind kind : values()) {
      if (kind.code.equals(code)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }
}
