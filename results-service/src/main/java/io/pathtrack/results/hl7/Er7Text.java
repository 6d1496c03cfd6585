package io.pathtrack.results.hl7;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HL7 v2 "ER7" (pipe-delimited) text of a message as real feeds send it, made into the form the
 * standard prescribes (HL7 v2.5.1 ch. 2.5: segments end with a carriage return) before HAPI parses it.
 * Feeds copied out of PDFs and mail systems end segments with LF or CRLF, leave trailing blanks, wrap
 * long lines, and sometimes lose a line break so that two segments share one line; this repairs each
 * of those and nothing else. Parsing stays HAPI's.
 *
 * <p>No repair turns text inside a field into a segment: a line break of another kind than the sender's
 * segment terminator is a blank, and a glued segment is split off only after the fields that hold free
 * text. What cannot be told apart here, the sender's own terminator inside a value it failed to escape,
 * is checked by {@link SegmentOrder}.
 */
public final class Er7Text {
  /** The media type this service reads and writes HL7 v2 pipe-delimited messages with. */
  public static final String CONTENT_TYPE = "application/hl7-v2";

  /**
   * Segment ids that may be found glued to the end of the previous segment ("…|F OBX|2|…"): those of
   * ORU^R01 (v2.3.1 to v2.5.1) and the batch and acknowledgement segments. Only these are split off, so
   * free text that happens to contain three capitals and a bar is not cut.
   */
  private static final Set<String> SEGMENT_IDS = Set.of("MSH", "SFT", "PID", "PD1", "NTE", "NK1", "PV1", "PV2",
      "ORC", "OBR", "TQ1", "TQ2", "CTD", "OBX", "FT1", "CTI", "SPM", "DSC");

  /**
   * The segments after which a lost line break is repaired, and the first field where the break may have
   * been: after MSH-12 (version id) and after OBX-11 (result status), past every field that holds free
   * text, so a value such as "benign OBX|3|…" typed into OBX-5 never becomes a segment. The corpus shows
   * both ("…|VOL_V_50_ORU_R01^NAACCR_CP PID|1|…", "…||||||F OBX|2|…").
   */
  private static final Map<String, Integer> GLUED_AFTER_FIELD = Map.of("MSH", 12, "OBX", 11);

  private static final Pattern SEGMENT_START = Pattern.compile("^[A-Z][A-Z0-9]{2}(?:[|^~\\\\&]|$)");

  private Er7Text() {}

  /** True when the record says it is HL7 v2 ER7, or when it carries no FHIR type and starts with MSH. */
  public static boolean isHl7(byte[] payload, String contentType) {
    if (contentType != null) {
      String ct = contentType.toLowerCase(Locale.ROOT);
      if (ct.contains("hl7-v2") || ct.contains("er7")) {
        return true;
      }
      if (ct.contains("json") || ct.contains("xml")) {
        return false;
      }
    }
    String start = decode(payload.length > 64 ? java.util.Arrays.copyOf(payload, 64) : payload);
    return start.replace("\uFEFF", "").stripLeading().startsWith("MSH");
  }

  /**
   * The characters of a message: UTF-8 when the bytes are valid UTF-8 (every ASCII message is), else
   * ISO-8859-1, the other character set LIS feeds use (MSH-18 "8859/1").
   */
  public static String decode(byte[] payload) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(payload))
          .toString();
    } catch (CharacterCodingException e) {
      return new String(payload, StandardCharsets.ISO_8859_1);
    }
  }

  /**
   * True when the sender ends its segments with a bare CR, as the standard prescribes and interface
   * engines write them; false when it uses LF or CRLF (text that has been through a file, an editor or a
   * document). The line break that ends MSH decides.
   */
  public static boolean crTerminated(String raw) {
    String text = fromMsh(raw == null ? "" : raw);
    int cr = text.indexOf('\r');
    int lf = text.indexOf('\n');
    if (cr < 0) {
      return lf < 0;
    }
    return (lf < 0 || lf > cr + 1) && !(cr + 1 < text.length() && text.charAt(cr + 1) == '\n');
  }

  /**
   * The message with one segment per CR-terminated line. The sender's own segment terminator (see
   * {@link #crTerminated}) ends segments; the other line-break character inside a line is part of a field
   * and becomes a blank, so a CR inside a value of an LF-separated message never starts a segment. Blank
   * lines and trailing blanks go; a line that starts with no segment id continues the segment before it
   * (a wrapped line); a known segment id glued after a blank on the same line starts a new segment only
   * where the segment before it may end (after MSH-12 or OBX-11, right after a value with no blank in it,
   * such as a status code). Leading text before the first MSH (a byte-order mark, blanks) is dropped.
   */
  public static String normalize(String raw) {
    String text = fromMsh(raw);
    boolean cr = crTerminated(text);
    char fieldSeparator = text.startsWith("MSH") && text.length() > 3 ? text.charAt(3) : '|';
    // One try per run of blanks, taken whole (possessive): splitting stays linear however long the run.
    Pattern glued = Pattern.compile("(?<!\\s)\\s++(?=(?:" + String.join("|", SEGMENT_IDS) + ")"
        + Pattern.quote(String.valueOf(fieldSeparator)) + ")");
    List<String> segments = new ArrayList<>();
    for (String line : text.split(cr ? "\r" : "\n")) {
      String trimmed = line.replace(cr ? '\n' : '\r', ' ').strip();
      if (trimmed.isEmpty()) {
        continue;
      }
      if (!segments.isEmpty() && !SEGMENT_START.matcher(trimmed).find()) {
        int last = segments.size() - 1;
        segments.set(last, segments.get(last) + " " + trimmed);
        continue;
      }
      segments.addAll(unglue(trimmed, glued, fieldSeparator));
    }
    return String.join("\r", segments) + "\r";
  }

  private static String fromMsh(String raw) {
    int msh = raw.indexOf("MSH");
    if (msh > 0 && raw.substring(0, msh).replace("\uFEFF", "").isBlank()) {
      return raw.substring(msh);
    }
    return raw;
  }

  /** A line cut where a known segment id is glued after a blank at a place the segment before may end. */
  private static List<String> unglue(String line, Pattern glued, char fieldSeparator) {
    List<String> parts = new ArrayList<>();
    Matcher m = glued.matcher(line);
    int start = 0;
    while (m.find()) {
      String before = line.substring(start, m.start());
      if (mayEndHere(before, fieldSeparator)) {
        parts.add(before.strip());
        start = m.end();
      }
    }
    parts.add(line.substring(start).strip());
    return parts;
  }

  private static boolean mayEndHere(String segment, char fieldSeparator) {
    Integer first = segment.length() < 3 ? null : GLUED_AFTER_FIELD.get(segment.substring(0, 3));
    if (first == null) {
      return false;
    }
    long separators = segment.chars().filter(c -> c == fieldSeparator).count();
    // MSH-1 is the field separator itself, so MSH counts one more field than its separators
    long field = segment.startsWith("MSH") ? separators + 1 : separators;
    String value = segment.substring(segment.lastIndexOf(fieldSeparator) + 1);
    return field >= first && !value.isEmpty() && value.chars().noneMatch(Character::isWhitespace);
  }
}
