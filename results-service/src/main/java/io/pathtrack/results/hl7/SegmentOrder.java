package io.pathtrack.results.hl7;

import io.pathtrack.results.validation.ValidationIssue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The order of the segments of an ORU^R01 as received, checked on the repaired text before HAPI's
 * parser, which puts a segment it did not expect wherever it fits and so lets a misplaced or extra one
 * pass unnoticed. Each finding is a segment sequence error (HL7 table 0357 code 100, answered AE):
 * <ul>
 *   <li>one message per frame: no second MSH, no batch header or trailer (BHS, BTS, FHS, FTS);</li>
 *   <li>every OBX under an order: none before the first OBR;</li>
 *   <li>OBX set ids (OBX-1) count the observations of each OBR, and of each SPM, upward. A value whose
 *       sender left a line break unescaped (instead of {@code \.br\} or {@code \X0D\}) and whose text goes
 *       on with "OBX|3|…" becomes a segment of its own, which nothing in the text tells from a real one;
 *       its set id is the evidence. In a message whose segments end with CR, the standard form every
 *       interface engine writes, a set id that repeats or goes back is refused. Text with LF or CRLF line
 *       ends has been through files and editors (a published NAACCR example numbers OBX 24 and 25 twice), so
 *       there only a set id repeated right after itself is refused; a CR inside its values never starts a
 *       segment ({@link Er7Text#normalize});</li>
 *   <li>no OBX cut short: one without a result status (OBX-11, required) followed by one that has it is
 *       what a line break inside a value leaves behind.</li>
 * </ul>
 * A segment smuggled into a value that repeats the sender's complete segment form and continues its
 * numbering exactly cannot be detected from the text; only a sender that escapes its delimiters prevents
 * that.
 */
final class SegmentOrder {
  private static final Set<String> BATCH = Set.of("BHS", "BTS", "FHS", "FTS");
  private static final String ESCAPE_HINT = "a line break left unescaped in a value (send it as \\.br\\ or \\X0D\\) "
      + "makes the rest of that value a segment of its own";

  private SegmentOrder() {}

  /**
   * @param normalized the message as {@link Er7Text#normalize} repaired it
   * @param crTerminated whether the sender ended its segments with CR ({@link Er7Text#crTerminated})
   * @return every problem found, in the order of the segments; empty when the order is sound
   */
  static List<ValidationIssue> check(String normalized, boolean crTerminated) {
    String separator = Pattern.quote(normalized.length() > 3 ? String.valueOf(normalized.charAt(3)) : "|");
    List<ValidationIssue> issues = new ArrayList<>();
    Map<String, Integer> occurrences = new HashMap<>();
    Observations group = null;
    for (String segment : normalized.split("\r")) {
      if (segment.length() < 3) {
        continue;
      }
      String id = segment.substring(0, 3);
      int occurrence = occurrences.merge(id, 1, Integer::sum);
      if (id.equals("MSH") && occurrence > 1 || BATCH.contains(id)) {
        issues.add(ValidationIssue.structure(Hl7Location.of(id, occurrence, 0).toString(),
            "more than one message in a frame (" + (id.equals("MSH") ? "a second MSH" : "a batch segment " + id)
                + "): send one message per frame"));
      } else if (id.equals("OBR") || id.equals("SPM")) {
        group = new Observations(id + " " + occurrence);
      } else if (id.equals("OBX")) {
        if (group == null) {
          issues.add(ValidationIssue.structure(Hl7Location.of("OBX", occurrence, 0).toString(),
              "an OBX before any OBR: observations are reported under their order (OBR)"));
          continue;
        }
        group.next(segment.split(separator, -1), occurrence, crTerminated, issues);
      }
    }
    return issues;
  }

  /** The OBX segments of one OBR or SPM, as they come. */
  private static final class Observations {
    private final String owner;
    private final Set<Integer> setIds = new HashSet<>();
    private Integer lastSetId;
    private int lastOccurrence;
    private boolean lastHadStatus = true;

    Observations(String owner) {
      this.owner = owner;
    }

    void next(String[] fields, int occurrence, boolean crTerminated, List<ValidationIssue> issues) {
      boolean hasStatus = fields.length > 11 && !fields[11].isBlank();
      if (hasStatus && !lastHadStatus) {
        issues.add(ValidationIssue.structure(Hl7Location.of("OBX", lastOccurrence, 11).toString(),
            "an OBX without its result status (OBX-11) before one that has it, under " + owner
                + ": the segment was cut short; " + ESCAPE_HINT));
      }
      Integer setId = setId(fields);
      if (setId != null) {
        String problem = setId.equals(lastSetId) ? "repeats the one before it"
            : crTerminated && setIds.contains(setId) ? "repeats an earlier one"
            : crTerminated && lastSetId != null && setId < lastSetId ? "goes back from " + lastSetId
            : null;
        if (problem != null) {
          issues.add(ValidationIssue.structure(Hl7Location.of("OBX", occurrence, 1).toString(),
              "OBX set id " + setId + " " + problem + " under " + owner
                  + " (set ids number an order's observations 1, 2, 3…); " + ESCAPE_HINT));
        }
        setIds.add(setId);
        lastSetId = setId;
      }
      lastOccurrence = occurrence;
      lastHadStatus = hasStatus;
    }

    private static Integer setId(String[] fields) {
      String value = fields.length > 1 ? fields[1].strip() : "";
      if (value.isEmpty() || value.length() > 9 || !value.chars().allMatch(Character::isDigit)) {
        return null;
      }
      return Integer.valueOf(value);
    }
  }
}
