package io.pathtrack.results.hl7;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The HL7 v2 "ER7" (pipe-delimited) text of a message as real feeds send it, made into the form the
 * standard prescribes (HL7 v2.5.1 ch. 2.5: segments end with a carriage return) before HAPI parses it.
 * Feeds copied out of PDFs and mail systems end segments with LF or CRLF, leave trailing blanks, wrap
 * long lines, and sometimes lose a line break so that two segments share one line; this repairs each
 * of those and nothing else. Parsing stays HAPI's.
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
   * The message with one segment per CR-terminated line: LF and CRLF become CR, blank lines and
   * trailing blanks go, a line that starts with no segment id continues the segment before it (a
   * wrapped line), and a known segment id glued after a blank on the same line starts a new segment.
   * Leading text before the first MSH (a byte-order mark, blanks) is dropped.
   */
  public static String normalize(String raw) {
    String text = raw.replace("\r\n", "\r").replace('\n', '\r');
    int msh = text.indexOf("MSH");
    if (msh > 0 && text.substring(0, msh).replace("\uFEFF", "").isBlank()) {
      text = text.substring(msh);
    }
    char fieldSeparator = text.startsWith("MSH") && text.length() > 3 ? text.charAt(3) : '|';
    Pattern glued = Pattern.compile("\\s+(?=(?:" + String.join("|", SEGMENT_IDS) + ")" + Pattern.quote(String.valueOf(fieldSeparator)) + ")");
    List<String> segments = new ArrayList<>();
    for (String line : text.split("\r")) {
      String trimmed = line.strip();
      if (trimmed.isEmpty()) {
        continue;
      }
      if (!segments.isEmpty() && !SEGMENT_START.matcher(trimmed).find()) {
        int last = segments.size() - 1;
        segments.set(last, segments.get(last) + " " + trimmed);
        continue;
      }
      for (String part : glued.split(trimmed)) {
        if (!part.isBlank()) {
          segments.add(part.strip());
        }
      }
    }
    return String.join("\r", segments) + "\r";
  }
}
