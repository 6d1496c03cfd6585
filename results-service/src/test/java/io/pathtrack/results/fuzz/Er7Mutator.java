package io.pathtrack.results.fuzz;

import io.pathtrack.results.hl7.Er7Text;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Structure-aware mutations of HL7 v2 ER7 messages: segments deleted, duplicated, moved, renamed or
 * repeated thousands of times (OBX); fields and components deleted, duplicated or filled with hostile
 * text, escape sequences and line breaks; the delimiters in MSH-1 and MSH-2 changed (consistently, so
 * the message is still well formed, or not); versions, message types, statuses and dates made odd.
 */
final class Er7Mutator {
  static final List<String> CONTENT_TYPES = List.of(Er7Text.CONTENT_TYPE, Er7Text.CONTENT_TYPE,
      "application/hl7-v2; charset=utf-8", "x-application/hl7-v2+er7", "text/plain");

  private static final List<String> ESCAPES = List.of("\\X0D\\", "\\X0A\\", "\\.br\\", "\\F\\", "\\S\\", "\\T\\",
      "\\R\\", "\\E\\", "\\H\\", "\\N\\", "\\Zabc\\", "\\X", "\\", "\\Xzz\\", "\\C2842\\", "\\M2448\\", "\\.sp5\\",
      "\\.in+4\\", "\\.ti-4\\", "\\.ce\\", "\\X0D0A\\", "\\\\\\\\");

  private final List<Seeds.Seed> seeds;

  Er7Mutator(List<Seeds.Seed> seeds) {
    this.seeds = List.copyOf(seeds);
  }

  FuzzInput next(FuzzChoices choices) {
    Seeds.Seed seed = choices.pick(seeds);
    List<String> recipe = new ArrayList<>(List.of(seed.name()));
    List<String> segments = new ArrayList<>(Arrays.asList(seed.text().split("\r\n|\r|\n")));
    segments.removeIf(String::isBlank);
    boolean empty = choices.oneIn(5);
    if (empty) {
      segments.removeIf(s -> s.startsWith("OBX") || s.startsWith("NTE"));
      recipe.add("without-diagnostic-content");
    }
    int operations = choices.below(5);
    for (int i = 0; i < operations && !segments.isEmpty(); i++) {
      int op = choices.below(14);
      int at = choices.below(segments.size());
      String segment = segments.get(at);
      switch (op) {
        case 0 -> segments.remove(at);
        case 1 -> segments.add(at, segment);
        case 2 -> segments.add(choices.below(segments.size()), segments.remove(at));
        case 3 -> manyObservations(segments, choices, empty);
        case 4 -> segments.set(at, withField(segment, choices, f -> null));
        case 5 -> segments.set(at, withField(segment, choices, f -> f + "|" + f));
        case 6 -> segments.set(at, withField(segment, choices, f -> hostile(choices, !empty)));
        case 7 -> segments.set(at, withField(segment, choices, f -> component(f, choices, !empty)));
        case 8 -> segments.set(at, withField(segment, choices, f -> insert(f, choices.pick(ESCAPES), choices)));
        case 9 -> segments.set(at, withField(segment, choices,
            f -> insert(f, choices.pick(List.of("\r", "\n", "\r\n", "\n\n", "\r\r", "\u000B", "\u001C")), choices)));
        case 10 -> segments.set(0, delimiters(segments.get(0), segments, choices));
        case 11 -> setField(segments, "MSH", choices.pick(List.of(9, 12)), choices.pick(List.of("2.5.1", "2.3.1", "2.4", "2.6",
            "2.9", "3.0", "", "2.5.1^^", "ORU^R01", "ORU^R01^ORU_R01", "ADT^A01", "ORU^R30", "ORU", "ACK", "^R01")));
        case 12 -> setField(segments, choices.pick(List.of("OBR", "OBX", "MSH", "SPM")), choices.pick(List.of(7, 11, 14, 22, 25)),
            choices.pick(List.of("F", "P", "C", "X", "Z", "", "FF", "20261332", "2026", "99999999999999", "-1",
                "20261126101500.12345+2500", "2026112610150", "\"\"")));
        default -> segments.set(at, choices.pick(List.of("OBY", "obx", "ZZZ", "MSH", "PID", "")) + segment.substring(Math.min(3, segment.length())));
      }
      recipe.add(List.of("delete-segment", "duplicate-segment", "move-segment", "many-obx", "delete-field",
          "duplicate-field", "hostile-field", "component", "escape", "line-break", "delimiters", "msh-type-version",
          "status-or-date", "segment-id").get(op) + ":" + (segment.length() >= 3 ? segment.substring(0, 3) : segment));
    }
    String separator = choices.pick(List.of("\r", "\r", "\n", "\r\n", "\n\n"));
    String text = String.join(separator, segments) + (choices.oneIn(2) ? separator : "");
    if (choices.oneIn(20)) {
      text = "\u000B" + text + "\u001C\r";
      recipe.add("mllp-frame");
    }
    byte[] bytes = ByteMutations.encode(text, choices);
    byte[] damaged = ByteMutations.maybeDamage(bytes, choices);
    if (damaged != bytes) {
      recipe.add("bytes-damaged");
    }
    String contentType = choices.oneIn(6) ? null : choices.pick(CONTENT_TYPES);
    return new FuzzInput("hl7", damaged, contentType, empty, recipe);
  }

  /** Up to twenty thousand OBX: copies of one in the message, or a new one. */
  private static void manyObservations(List<String> segments, FuzzChoices choices, boolean empty) {
    // without diagnostic content there is no OBX to repeat: a local Z-segment stands in
    String obx = empty ? "ZPT|1|x" : segments.stream().filter(s -> s.startsWith("OBX")).findFirst()
        .orElse("OBX|1|TX|22637-3^Final diagnosis^LN||Benign.||||||F");
    int count = choices.pick(List.of(50, 500, 5_000, 20_000));
    int at = choices.below(segments.size() + 1);
    List<String> copies = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      copies.add(obx.replaceFirst("^(...)\\|[^|]*", "$1|" + (i + 1)));
    }
    segments.addAll(at, copies);
  }

  /** The segment with one field (chosen at random) replaced by what {@code change} makes of it; null deletes it. */
  private static String withField(String segment, FuzzChoices choices, java.util.function.UnaryOperator<String> change) {
    List<String> fields = new ArrayList<>(Arrays.asList(segment.split("\\|", -1)));
    if (fields.size() < 2) {
      return segment;
    }
    // MSH-1 is the separator itself and MSH-2 the encoding characters: field 1 of the split is MSH-2
    int at = choices.between(1, fields.size() - 1);
    String changed = change.apply(fields.get(at));
    if (changed == null) {
      fields.remove(at);
    } else {
      fields.set(at, changed);
    }
    return String.join("|", fields);
  }

  private static void setField(List<String> segments, String id, int number, String value) {
    for (int i = 0; i < segments.size(); i++) {
      if (segments.get(i).startsWith(id + "|")) {
        List<String> fields = new ArrayList<>(Arrays.asList(segments.get(i).split("\\|", -1)));
        // in MSH the split's field n is MSH-(n+1)
        int index = id.equals("MSH") ? number - 1 : number;
        while (fields.size() <= index) {
          fields.add("");
        }
        fields.set(index, value);
        segments.set(i, String.join("|", fields));
        return;
      }
    }
  }

  /** One component or repetition of the field deleted, duplicated, made hostile, or repeated a thousand times. */
  private static String component(String field, FuzzChoices choices, boolean diagnosticAllowed) {
    List<String> parts = new ArrayList<>(Arrays.asList(field.split("\\^", -1)));
    int at = choices.below(parts.size());
    switch (choices.below(5)) {
      case 0 -> parts.remove(at);
      case 1 -> parts.add(at, parts.get(at));
      case 2 -> parts.set(at, hostile(choices, diagnosticAllowed));
      case 3 -> parts.set(at, (parts.get(at) + "~").repeat(1_000));
      default -> parts.set(at, parts.get(at) + "&" + hostile(choices, diagnosticAllowed) + "&&&");
    }
    return String.join("^", parts);
  }

  /** MSH-1 and MSH-2 changed: the whole message rewritten with other delimiters, or only the header. */
  private static String delimiters(String msh, List<String> segments, FuzzChoices choices) {
    if (!msh.startsWith("MSH") || msh.length() < 8) {
      return msh;
    }
    if (choices.oneIn(2)) {
      String encoding = choices.pick(List.of("^~\\&", "^~\\", "^~", "", "^^^^", "|~\\&", "^~\\&#", "\\\\\\\\", "^~\\&\u00E4"));
      int end = msh.indexOf('|', 4);
      return end < 0 ? msh : "MSH|" + encoding + msh.substring(end);
    }
    char replacement = choices.pick(List.of('#', '^', ' ', 'A', '\u00A6', '\t', '!', '\u0000'));
    if (choices.oneIn(2)) {
      for (int i = 1; i < segments.size(); i++) {
        segments.set(i, segments.get(i).replace('|', replacement));
      }
      return msh.replace('|', replacement);
    }
    return "MSH" + replacement + msh.substring(4);
  }

  private static String hostile(FuzzChoices choices, boolean diagnosticAllowed) {
    String text;
    do {
      text = NastyText.any(choices);
    } while (!diagnosticAllowed && NastyText.DIAGNOSTIC.stream().anyMatch(text::contains));
    return text;
  }

  private static String insert(String value, String inserted, FuzzChoices choices) {
    int at = choices.below(value.length() + 1);
    return value.substring(0, at) + inserted + value.substring(at);
  }
}
