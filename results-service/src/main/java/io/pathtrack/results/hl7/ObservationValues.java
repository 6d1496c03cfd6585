package io.pathtrack.results.hl7;

import ca.uhn.hl7v2.model.Segment;
import ca.uhn.hl7v2.model.v251.segment.OBX;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.StringType;

/**
 * OBX-5 → Observation.value[x] by the OBX-2 data type: coded (CWE, CE, CNE, CF, CV) → CodeableConcept
 * (further repetitions → components), NM → Quantity with the OBX-6 unit, DT/DTM/TS → dateTime, anything
 * else → string (formatted text made plain).
 */
final class ObservationValues {
  private static final Set<String> CODED = Set.of("CWE", "CE", "CNE", "CF", "CV");

  private ObservationValues() {}

  /** OBX-5 by its data type (OBX-2): coded → CodeableConcept, numeric → Quantity, dates, else text. */
  static void value(OBX obx, Observation observation) {
    int reps = Fields.repetitions(obx, 5);
    if (reps == 0) {
      return;
    }
    String type = Optional.ofNullable(Fields.get(obx, 2)).orElse("").toUpperCase(Locale.ROOT);
    if (CODED.contains(type)) {
      Codes.codeable(obx, 5, 0, null).ifPresent(observation::setValue);
      for (int rep = 1; rep < reps; rep++) {
        Codes.codeable(obx, 5, rep, null).ifPresent(answer -> observation.addComponent()
            .setCode(observation.getCode().copy()).setValue(answer));
      }
      return;
    }
    if (type.equals("NM") && reps == 1) {
      Optional<Quantity> quantity = quantity(Fields.get(obx, 5), obx);
      if (quantity.isPresent()) {
        observation.setValue(quantity.get());
        return;
      }
    }
    if ((type.equals("DT") || type.equals("DTM") || type.equals("TS")) && reps == 1) {
      Optional<DateTimeType> dateTime = V2Times.dateTime(Fields.get(obx, 5));
      if (dateTime.isPresent()) {
        observation.setValue(dateTime.get());
        return;
      }
    }
    List<String> lines = new ArrayList<>();
    for (int rep = 0; rep < reps; rep++) {
      String text = text(obx, 5, rep);
      if (text != null) {
        lines.add(text);
      }
    }
    String text = FormattedText.plain(String.join("\n", lines));
    if (text != null && !text.isEmpty()) {
      observation.setValue(new StringType(text));
    }
  }

  /** A repetition of a field as text: its components joined by a space (SN "<^5" → "< 5"). */
  private static String text(Segment segment, int field, int rep) {
    List<String> parts = new ArrayList<>();
    for (int component = 1; component <= 20; component++) {
      String part = Fields.get(segment, field, rep, component, 1);
      if (part != null) {
        parts.add(part);
      } else if (component > 1 && Fields.get(segment, field, rep, component + 1, 1) == null) {
        break;
      }
    }
    return parts.isEmpty() ? null : String.join(" ", parts);
  }

  private static Optional<Quantity> quantity(String value, OBX obx) {
    try {
      Quantity quantity = new Quantity().setValue(new BigDecimal(value.replace("+", "")));
      String unit = Fields.get(obx, 6, 0, 1);
      if (unit != null) {
        String unitText = Fields.get(obx, 6, 0, 2);
        String system = V2Vocabulary.system(Fields.get(obx, 6, 0, 3));
        quantity.setUnit(unitText != null ? unitText : unit).setCode(unit).setSystem(system);
      }
      return Optional.of(quantity);
    } catch (NumberFormatException | NullPointerException e) {
      return Optional.empty();
    }
  }
}
