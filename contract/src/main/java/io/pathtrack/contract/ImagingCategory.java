package io.pathtrack.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How suspicious the imaging made the lesion a biopsy targeted, as the order (or the report's own order, HL7 v2
 * OBR-31) states it: an ACR BI-RADS assessment (0–6, with 4A/4B/4C), an ACR Lung-RADS category (0–4, with
 * 4A/4B/4X), or, where no scale is named, the radiologist's words ("highly suspicious", "suspicious lesion",
 * "probably benign"). Radiology-pathology concordance (docs/architecture.md §4a) compares it with the outcome.
 *
 * @param scale the scale the category belongs to
 * @param value the category on that scale, upper case ({@code 4C}, {@code 5}, {@code 4X}), or for {@link Scale#WORDS}
 *     one of {@code highly-suspicious}, {@code suspicious}, {@code probably-benign}, {@code benign}
 */
public record ImagingCategory(Scale scale, String value) {

  /** The scales read. */
  public enum Scale {
    BI_RADS("bi-rads", "BI-RADS"),
    LUNG_RADS("lung-rads", "Lung-RADS"),
    WORDS("imaging", "Imaging");

    private final String prefix;
    private final String display;

    Scale(String prefix, String display) {
      this.prefix = prefix;
      this.display = display;
    }
  }

  /** Texts longer than this are read only up to it: an order's reason is a line, not a document. */
  static final int MAX_TEXT = 4_000;

  private static final Pattern BI_RADS = Pattern.compile(
      "(?i)(?<![\\p{L}\\d])bi-?\\s?rads(?:\\s*(?:®|assessment|category|categorie|catégorie|categoría|categoria|kategorie|cat\\.?))?"
          + "\\s*[:=]?\\s*([0-6])\\s?([abc])?(?![\\p{L}\\d])");
  private static final Pattern LUNG_RADS = Pattern.compile(
      "(?i)(?<![\\p{L}\\d])lung-?\\s?rads(?:\\s*(?:®|category|cat\\.?))?\\s*[:=]?\\s*([0-4])\\s?([abxs])?(?![\\p{L}\\d])");
  private static final Pattern HIGHLY_SUSPICIOUS = Pattern.compile(
      "(?i)(?<!\\p{L})(?:highly suspicious|highly suggestive of malignancy|hochgradig (?:suspekt|verdächtig)\\p{L}*"
          + "|hautement suspect\\p{L}*|altamente sospechos\\p{L}*|altamente sospett\\p{L}*|zeer verdacht\\p{L}*)(?!\\p{L})");
  private static final Pattern NOT_SUSPICIOUS = Pattern.compile(
      "(?i)(?<!\\p{L})(?:not|non|no|nicht|kein\\p{L}*|pas|niet)[- ](?:suspicious|suspekt|verdächtig|suspect\\p{L}*|sospech\\p{L}*|sospett\\p{L}*|verdacht\\p{L}*)");
  private static final Pattern SUSPICIOUS = Pattern.compile(
      "(?i)(?<!\\p{L})(?:suspicious|suspekt\\p{L}*|malignitätsverdächtig\\p{L}*|suspect\\p{L}*|sospechos\\p{L}*|sospett\\p{L}*"
          + "|verdacht\\p{L}*)(?!\\p{L})");
  private static final Pattern PROBABLY_BENIGN = Pattern.compile(
      "(?i)(?<!\\p{L})(?:probably benign|wahrscheinlich benigne?|probablement bénigne?|probablemente benign\\p{L}*"
          + "|probabilmente benign\\p{L}*|waarschijnlijk benigne?)(?!\\p{L})");

  public ImagingCategory {
    if (scale == null || value == null || value.isBlank()) {
      throw new IllegalArgumentException("an imaging category needs its scale and value");
    }
    value = value.trim();
    value = scale == Scale.WORDS ? value.toLowerCase(Locale.ROOT) : value.toUpperCase(Locale.ROOT);
  }

  public static ImagingCategory biRads(String value) {
    return new ImagingCategory(Scale.BI_RADS, value);
  }

  public static ImagingCategory lungRads(String value) {
    return new ImagingCategory(Scale.LUNG_RADS, value);
  }

  /** Stable code: {@code bi-rads-4c}, {@code lung-rads-4x}, {@code imaging-highly-suspicious}. */
  public String code() {
    return scale.prefix + "-" + value.toLowerCase(Locale.ROOT);
  }

  /** For people: {@code BI-RADS 4C}, {@code Imaging: highly suspicious}. */
  public String display() {
    return scale == Scale.WORDS ? "Imaging: " + value.replace('-', ' ') : scale.display + " " + value;
  }

  /** The category a {@link #code()} names. */
  public static Optional<ImagingCategory> fromCode(String code) {
    if (code == null) {
      return Optional.empty();
    }
    String c = code.trim().toLowerCase(Locale.ROOT);
    for (Scale scale : Scale.values()) {
      if (c.startsWith(scale.prefix + "-") && c.length() > scale.prefix.length() + 1) {
        String value = c.substring(scale.prefix.length() + 1);
        Optional<ImagingCategory> found = find(scale == Scale.WORDS ? value.replace('-', ' ') : scale.display + " " + value);
        return found.filter(f -> f.scale() == scale);
      }
    }
    return Optional.empty();
  }

  /**
   * The category a text states: a BI-RADS or Lung-RADS category first, else the radiologist's words. Empty when it
   * states none, or states two different categories on one scale (a text that contradicts itself is not read).
   */
  public static Optional<ImagingCategory> find(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    String t = text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
    for (Scale scale : List.of(Scale.BI_RADS, Scale.LUNG_RADS)) {
      List<String> values = values(t, scale == Scale.BI_RADS ? BI_RADS : LUNG_RADS);
      if (values.size() == 1) {
        return Optional.of(new ImagingCategory(scale, values.get(0)));
      }
      if (values.size() > 1) {
        return Optional.empty();
      }
    }
    if (HIGHLY_SUSPICIOUS.matcher(t).find()) {
      return Optional.of(new ImagingCategory(Scale.WORDS, "highly-suspicious"));
    }
    if (PROBABLY_BENIGN.matcher(t).find()) {
      return Optional.of(new ImagingCategory(Scale.WORDS, "probably-benign"));
    }
    if (!NOT_SUSPICIOUS.matcher(t).find() && SUSPICIOUS.matcher(t).find()) {
      return Optional.of(new ImagingCategory(Scale.WORDS, "suspicious"));
    }
    return Optional.empty();
  }

  /** The distinct values the pattern finds, at most two (two already make the text unreadable). */
  private static List<String> values(String text, Pattern pattern) {
    Matcher m = pattern.matcher(text);
    List<String> found = new ArrayList<>(2);
    while (m.find() && found.size() < 2) {
      String value = m.group(1) + (m.group(2) == null ? "" : m.group(2).toUpperCase(Locale.ROOT));
      if (!found.contains(value)) {
        found.add(value);
      }
    }
    return found;
  }
}
