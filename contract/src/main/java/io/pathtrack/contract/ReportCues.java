package io.pathtrack.contract;

import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.kafka.common.header.Headers;

/**
 * What a classified report says beyond its outcome, in its headers (docs/architecture.md §4a): the imaging category its
 * own order states, whether it confirms calcifications in the specimen, and the follow-ups it recommends. Written by
 * results-service, read by specimen-service (concordance, follow-up tasks).
 *
 * @param calcifications {@code present}, {@code absent} or {@code not-mentioned}; empty when the report was
 *     classified before this was read
 * @param performer who performed the biopsy, as the report's Procedure names them (a practitioner reference)
 */
public record ReportCues(Optional<ImagingCategory> imagingCategory, Optional<String> calcifications,
    List<FollowUp> followUps, Discipline discipline, Optional<String> culture, Optional<String> performer) {

  public ReportCues(Optional<ImagingCategory> imagingCategory, Optional<String> calcifications, List<FollowUp> followUps) {
    this(imagingCategory, calcifications, followUps, Discipline.HISTOLOGY, Optional.empty(), Optional.empty());
  }

  public ReportCues(Optional<ImagingCategory> imagingCategory, Optional<String> calcifications, List<FollowUp> followUps,
      Discipline discipline, Optional<String> culture) {
    this(imagingCategory, calcifications, followUps, discipline, culture, Optional.empty());
  }

  /** A culture that grew something: a positive culture. */
  public boolean cultureGrowth() {
    return discipline == Discipline.MICROBIOLOGY && culture.map("growth"::equals).orElse(false);
  }

  /** At most this many follow-ups are carried; a report recommending more is read for these. */
  public static final int MAX_FOLLOW_UPS = 8;
  /** The longest interval carried, ten years; a longer one is not read. */
  static final long MAX_MONTHS = 120;
  private static final Pattern KIND = Pattern.compile("[a-z][a-z-]{0,39}");
  private static final Pattern PRACTITIONER = Pattern.compile("Practitioner/[A-Za-z0-9\\-.]{1,64}");

  /**
   * One recommended follow-up.
   *
   * @param kind its code ({@code repeat-biopsy}, {@code excision}, {@code imaging}, {@code correlation}, {@code mdt},
   *     {@code ancillary}, {@code clinical})
   * @param interval when the report says it is due, if it says
   */
  public record FollowUp(String kind, Optional<Period> interval) {
    public FollowUp {
      if (kind == null || !KIND.matcher(kind).matches()) {
        throw new IllegalArgumentException("a follow-up kind is a lower-case code");
      }
      interval = interval == null ? Optional.empty() : interval;
    }

    /** {@code repeat-biopsy:P14D}, or the kind alone. */
    public String code() {
      return kind + interval.map(p -> ":" + p).orElse("");
    }
  }

  public ReportCues {
    discipline = discipline == null ? Discipline.HISTOLOGY : discipline;
    culture = culture == null ? Optional.empty() : culture;
    performer = performer == null ? Optional.empty() : performer.filter(p -> PRACTITIONER.matcher(p).matches());
    followUps = List.copyOf(followUps.size() > MAX_FOLLOW_UPS ? followUps.subList(0, MAX_FOLLOW_UPS) : followUps);
  }

  public static ReportCues none() {
    return new ReportCues(Optional.empty(), Optional.empty(), List.of());
  }

  /** The follow-ups as the {@link EventHeaders#FOLLOW_UPS} header value, or null when there are none. */
  public String followUpsHeader() {
    return followUps.isEmpty() ? null : String.join(",", followUps.stream().map(FollowUp::code).toList());
  }

  /** Reads the cues from a classified report's headers; what cannot be read is left out, never guessed. */
  public static ReportCues fromHeaders(Headers headers) {
    Optional<ImagingCategory> category = ImagingCategory.fromCode(EventHeaders.last(headers, EventHeaders.IMAGING_CATEGORY));
    Optional<String> calcifications = Optional.ofNullable(EventHeaders.last(headers, EventHeaders.CALCIFICATIONS))
        .filter(c -> c.equals("present") || c.equals("absent") || c.equals("not-mentioned"));
    Discipline discipline = Discipline.fromCode(EventHeaders.last(headers, EventHeaders.DISCIPLINE)).orElse(Discipline.HISTOLOGY);
    Optional<String> culture = Optional.ofNullable(EventHeaders.last(headers, EventHeaders.CULTURE))
        .filter(c -> c.equals("growth") || c.equals("no-growth") || c.equals("pending") || c.equals("unknown"));
    return new ReportCues(category, calcifications, followUps(EventHeaders.last(headers, EventHeaders.FOLLOW_UPS)),
        discipline, culture, Optional.ofNullable(EventHeaders.last(headers, EventHeaders.PERFORMER)));
  }

  /** Reads a {@link EventHeaders#FOLLOW_UPS} value. */
  public static List<FollowUp> followUps(String header) {
    List<FollowUp> out = new ArrayList<>();
    if (header == null || header.length() > 2_000) {
      return out;
    }
    for (String item : header.split(",")) {
      if (out.size() == MAX_FOLLOW_UPS) {
        break;
      }
      String[] parts = item.trim().split(":", 2);
      if (!KIND.matcher(parts[0]).matches()) {
        continue;
      }
      Optional<Period> interval = Optional.empty();
      if (parts.length == 2) {
        try {
          interval = Optional.of(Period.parse(parts[1]).normalized()).filter(p -> !p.isNegative() && !p.isZero());
        } catch (DateTimeParseException | ArithmeticException e) {
          continue;
        }
        if (interval.isPresent() && (interval.get().toTotalMonths() > MAX_MONTHS
            || interval.get().getDays() > MAX_MONTHS * 31)) {
          continue;
        }
      }
      out.add(new FollowUp(parts[0], interval));
    }
    return out;
  }
}
