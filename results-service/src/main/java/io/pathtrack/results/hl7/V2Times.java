package io.pathtrack.results.hl7;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.DateTimeException;
import java.util.Date;
import java.util.Optional;
import java.util.TimeZone;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;

/**
 * HL7 v2 date/time values (TS, DTM, DT: {@code YYYY[MM[DD[HH[MM[SS[.S…]]]]]][+/-ZZZZ]}) as FHIR dates,
 * keeping their precision. A time without an offset is read as UTC (the message does not say which
 * zone it meant, and FHIR requires one once there is a time). A value that is not a date (a truncated
 * or garbled field) reads as absent: dates are optional in this mapping except where the report
 * checks say otherwise.
 */
final class V2Times {
  private static final Pattern TS = Pattern.compile(
      "^(\\d{4})(\\d{2})?(\\d{2})?(\\d{2})?(\\d{2})?(\\d{2})?(?:\\.(\\d{1,4}))?\\s*([+-]\\d{4})?$");

  private V2Times() {}

  static Optional<DateTimeType> dateTime(String value) {
    if (value == null) {
      return Optional.empty();
    }
    Matcher m = TS.matcher(value.trim());
    if (!m.matches()) {
      return Optional.empty();
    }
    try {
      int year = Integer.parseInt(m.group(1));
      int month = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
      int day = m.group(3) == null ? 1 : Integer.parseInt(m.group(3));
      int hour = m.group(4) == null ? 0 : Integer.parseInt(m.group(4));
      int minute = m.group(5) == null ? 0 : Integer.parseInt(m.group(5));
      int second = m.group(6) == null ? 0 : Integer.parseInt(m.group(6));
      int millis = m.group(7) == null ? 0 : Integer.parseInt((m.group(7) + "000").substring(0, 3));
      ZoneOffset offset = m.group(8) == null ? ZoneOffset.UTC
          : ZoneOffset.ofHoursMinutes(Integer.parseInt(m.group(8).substring(0, 3)),
              Integer.parseInt(m.group(8).charAt(0) + m.group(8).substring(3)));
      LocalDateTime local = LocalDate.of(year, month, day).atTime(hour, minute, second, millis * 1_000_000);
      Date instant = Date.from(local.toInstant(offset));
      TemporalPrecisionEnum precision = m.group(4) == null
          ? m.group(3) != null ? TemporalPrecisionEnum.DAY : m.group(2) != null ? TemporalPrecisionEnum.MONTH : TemporalPrecisionEnum.YEAR
          : m.group(7) != null ? TemporalPrecisionEnum.MILLI
          // FHIR dateTime has no minute precision: a time to the minute is written with :00 seconds
          : TemporalPrecisionEnum.SECOND;
      DateTimeType dateTime = new DateTimeType(instant, precision, TimeZone.getTimeZone(offset));
      return Optional.of(dateTime);
    } catch (DateTimeException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** A date alone (a birth date), at the precision given; no time zone is involved. */
  static Optional<DateType> date(String value) {
    Matcher m = value == null ? null : TS.matcher(value.trim());
    if (m == null || !m.matches()) {
      return Optional.empty();
    }
    String iso = m.group(1) + (m.group(2) == null ? "" : "-" + m.group(2) + (m.group(3) == null ? "" : "-" + m.group(3)));
    try {
      return Optional.of(new DateType(iso));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /** The instant a report was issued, when the value has at least a day. */
  static Optional<Date> instant(String value) {
    return dateTime(value).map(DateTimeType::getValue);
  }
}
