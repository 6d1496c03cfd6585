package io.pathtrack.results.mllp;

import ca.uhn.hl7v2.AcknowledgmentCode;
import ca.uhn.hl7v2.ErrorCode;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.Location;
import ca.uhn.hl7v2.Version;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.Segment;
import ca.uhn.hl7v2.model.v251.message.ACK;
import ca.uhn.hl7v2.parser.CanonicalModelClassFactory;
import ca.uhn.hl7v2.parser.DefaultModelClassFactory;
import ca.uhn.hl7v2.parser.EncodingCharacters;
import ca.uhn.hl7v2.parser.PipeParser;
import ca.uhn.hl7v2.util.DeepCopy;
import ca.uhn.hl7v2.util.Terser;
import io.pathtrack.results.hl7.Er7Text;
import io.pathtrack.results.hl7.Hl7Location;
import io.pathtrack.results.hl7.OruMessages;
import io.pathtrack.results.validation.ReportRejectedException;
import io.pathtrack.results.validation.ValidationIssue;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The original-mode acknowledgement (HL7 v2.5.1 ch. 2.9.2) of a received message, built by HAPI from
 * the message's own header so it answers in the sender's version (ERR-2/3/8 from v2.5 on, ERR-1 before):
 * <ul>
 *   <li>AA: accepted;</li>
 *   <li>AE: read, but wrong, or too large to be read; one ERR per problem: location (segment, its
 *       occurrence, field), HL7 error code (table 0357), severity E, and the reason in words (ERR-8; ERR-1
 *       and MSA-3 before v2.5). Sending the same message again cannot succeed;</li>
 *   <li>AR: not processed at all: empty, not an HL7 v2 message, not an ORU^R01, or not stored (ERR-3
 *       207, the one answer that asks the sender to send it again).</li>
 * </ul>
 */
public final class Acknowledgements {
  /** The ERR segments sent at most; the rest are counted in the last one. */
  static final int MAX_ERRORS = 10;
  private static final HapiContext VERSIONED = OruMessages.context(new DefaultModelClassFactory());
  private static final HapiContext CANONICAL = OruMessages.context(new CanonicalModelClassFactory("2.5.1"));

  private static final String TOO_LONG = "too-long";

  private static final Map<String, ErrorCode> ERROR_CODES = Map.of(
      "required", ErrorCode.REQUIRED_FIELD_MISSING,
      "structure", ErrorCode.SEGMENT_SEQUENCE_ERROR,
      "code-invalid", ErrorCode.TABLE_VALUE_NOT_FOUND,
      "invalid", ErrorCode.TABLE_VALUE_NOT_FOUND,
      "value", ErrorCode.DATA_TYPE_ERROR,
      TOO_LONG, ErrorCode.DATA_TYPE_ERROR,
      "not-supported", ErrorCode.UNSUPPORTED_MESSAGE_TYPE);

  private Acknowledgements() {}

  /** AA for the message. */
  public static Message accepted(String received) {
    return build(received, AcknowledgmentCode.AA, List.of());
  }

  /**
   * AR when the message could not be read, AE when it was read but cannot be accepted, or is too large
   * ({@code too-long}): a sender must not send again what can never succeed.
   */
  public static Message rejected(String received, ReportRejectedException rejection) {
    boolean unread = rejection.parseFailure() && !TOO_LONG.equals(rejection.primary().code());
    return build(received, unread ? AcknowledgmentCode.AR : AcknowledgmentCode.AE, rejection.issues());
  }

  /** AR with one reason (the message could not be kept, or processing failed unexpectedly). */
  public static Message notProcessed(String received, String reason) {
    return build(received, AcknowledgmentCode.AR,
        List.of(new ValidationIssue("MSH", "exception", reason)));
  }

  /** The acknowledgement as ER7 text, as it goes on the wire. */
  public static String encode(Message ack) {
    try {
      return VERSIONED.getPipeParser().encode(ack);
    } catch (HL7Exception e) {
      throw new IllegalStateException("acknowledgement could not be encoded", e);
    }
  }

  private static Message build(String received, AcknowledgmentCode code, List<ValidationIssue> issues) {
    try {
      Message ack = header(received).map(h -> respondTo(h, code)).orElseGet(() -> standalone(code));
      boolean before25 = Version.V25.isGreaterThan(Version.versionOf(ack.getVersion()) == null
          ? Version.V251 : Version.versionOf(ack.getVersion()));
      int count = Math.min(issues.size(), MAX_ERRORS);
      for (int i = 0; i < count; i++) {
        ValidationIssue issue = issues.get(i);
        String text = issue.message() + (i == count - 1 && issues.size() > count
            ? " (and " + (issues.size() - count) + " more)" : "");
        exception(issue, text).populateResponse(ack, code, i);
        if (!before25) {
          Terser.set((Segment) ack.get("ERR", i), 8, 0, 1, 1, text);
        }
      }
      if (!issues.isEmpty()) {
        Terser.set((Segment) ack.get("MSA"), 3, 0, 1, 1, shorten(issues.get(0).message(), 80));
      }
      return ack;
    } catch (HL7Exception e) {
      throw new IllegalStateException("acknowledgement could not be built", e);
    }
  }

  private static HL7Exception exception(ValidationIssue issue, String text) {
    HL7Exception e = new HL7Exception(text, ERROR_CODES.getOrDefault(issue.code(), ErrorCode.APPLICATION_INTERNAL_ERROR));
    Hl7Location.parse(issue.expression()).ifPresent(location -> {
      Location at = new Location().withSegmentName(location.segment()).withSegmentRepetition(location.sequence());
      if (location.field() > 0) {
        at.withField(location.field());
      }
      e.setLocation(at);
    });
    return e;
  }

  /**
   * The received MSH, parsed into the structures of the sender's version (MSH-12) so that HAPI's own
   * answer builder writes the ACK in that version; a version this service has no structures for is
   * answered in v2.5.1. Empty when there is no readable MSH.
   */
  private static Optional<Segment> header(String received) {
    String text = Er7Text.normalize(received == null ? "" : received);
    if (!text.startsWith("MSH") || text.length() < 9) {
      return Optional.empty();
    }
    return header(text, VERSIONED).or(() -> header(text, CANONICAL));
  }

  private static Optional<Segment> header(String text, HapiContext context) {
    try {
      PipeParser parser = context.getPipeParser();
      Segment msh = parser.getCriticalResponseData(text);
      String line = text.substring(0, text.indexOf('\r'));
      parser.parse(msh, line, new EncodingCharacters(text.charAt(3), Terser.get(msh, 2, 0, 1, 1)));
      // the answer is built with this parser's configuration (ids without a file, no conformance checks)
      msh.getMessage().setParser(parser);
      return Optional.of(msh);
    } catch (HL7Exception | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static Message respondTo(Segment header, AcknowledgmentCode code) {
    try {
      Message in = header.getMessage();
      DeepCopy.copy(header, (Segment) in.get("MSH"));
      return in.generateACK(code, null);
    } catch (HL7Exception | IOException | RuntimeException e) {
      return standalone(code);
    }
  }

  /** An ACK to something that had no readable MSH: v2.5.1, no MSA-2 to echo. */
  private static Message standalone(AcknowledgmentCode code) {
    try {
      ACK ack = new ACK(CANONICAL.getModelClassFactory());
      ack.setParser(CANONICAL.getPipeParser());
      ack.initQuickstart("ACK", null, "P");
      ack.getMSH().getSendingApplication().getNamespaceID().setValue("PATHTRACK");
      ack.getMSA().getAcknowledgmentCode().setValue(code.name());
      return ack;
    } catch (HL7Exception | IOException e) {
      throw new IllegalStateException("acknowledgement could not be built", e);
    }
  }

  private static String shorten(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
