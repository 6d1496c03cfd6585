package io.pathtrack.results.hl7;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.Segment;
import ca.uhn.hl7v2.model.v251.message.ORU_R01;
import ca.uhn.hl7v2.parser.CanonicalModelClassFactory;
import ca.uhn.hl7v2.parser.EncodingCharacters;
import ca.uhn.hl7v2.parser.ModelClassFactory;
import ca.uhn.hl7v2.parser.PipeParser;
import ca.uhn.hl7v2.util.Terser;
import ca.uhn.hl7v2.util.idgenerator.NanoTimeGenerator;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;
import io.pathtrack.results.validation.ReportRejectedException;
import io.pathtrack.results.validation.ValidationIssue;
import java.util.List;
import java.util.Optional;

/**
 * Reads an ORU^R01 with HAPI's PipeParser. Every version from 2.3.1 to 2.5.1 (and later ones, which
 * only add fields) is read into the v2.5.1 structures (HAPI's canonical model), so one mapping serves
 * them all. HAPI's conformance checks are off: what this service needs from a message is checked by
 * the mapping and the report checks, each naming the field at fault; what it does not need is not
 * held against the sender.
 */
public final class OruMessages {
  private static final HapiContext CANONICAL = context(new CanonicalModelClassFactory("2.5.1"));

  private OruMessages() {}

  /**
   * A HAPI context that parses without conformance checks, accepts unknown version ids and numbers the
   * messages it makes (ACKs) without a file.
   */
  public static HapiContext context(ModelClassFactory factory) {
    return configure(new DefaultHapiContext(factory));
  }

  static HapiContext configure(HapiContext context) {
    context.setValidationContext(ValidationContextFactory.noValidation());
    context.getParserConfiguration().setAllowUnknownVersions(true);
    context.getParserConfiguration().setValidating(false);
    // HAPI's default id generator keeps a counter file in the working directory; ACK ids need no file
    context.getParserConfiguration().setIdGenerator(new NanoTimeGenerator());
    return context;
  }

  /**
   * @param raw the message as received, in any of the forms {@link Er7Text#normalize} repairs
   * @throws ReportRejectedException a parse failure (answered AR) when the text is not an HL7 v2
   *     message or not an ORU^R01; a segment sequence error (answered AE) when its segments are out of
   *     the order an ORU^R01 has ({@link SegmentOrder})
   */
  public static ORU_R01 read(String raw) {
    String text = Er7Text.normalize(raw);
    if (!text.startsWith("MSH")) {
      throw unreadable("MSH", "not an HL7 v2 message: it must start with an MSH segment");
    }
    PipeParser parser = CANONICAL.getPipeParser();
    Message message;
    try {
      message = parser.parse(text);
    } catch (HL7Exception | RuntimeException e) {
      throw unreadable("MSH", "not a readable HL7 v2 message: " + e.getMessage());
    }
    if (!(message instanceof ORU_R01 oru)) {
      String type = messageType(message);
      throw new ReportRejectedException(List.of(new ValidationIssue("MSH-9", "not-supported",
          "message type " + type + " is not accepted here: send pathology results as ORU^R01")), true);
    }
    List<ValidationIssue> order = SegmentOrder.check(text, Er7Text.crTerminated(raw));
    if (!order.isEmpty()) {
      throw new ReportRejectedException(order, false);
    }
    return oru;
  }

  /** MSH-10, the sender's message control id, when the message has a readable MSH. */
  public static Optional<String> controlId(String raw) {
    return header(raw).map(msh -> Fields.get(msh, 10));
  }

  /** MSH-9-1, the message code (ORU, ACK…), when the message has a readable MSH. */
  public static Optional<String> messageCode(String raw) {
    return header(raw).map(msh -> Fields.get(msh, 9));
  }

  /** MSH-18, the character set the sender names, when the message has a readable MSH that names one. */
  public static Optional<String> characterSet(String raw) {
    return header(raw).map(msh -> Fields.get(msh, 18));
  }

  private static Optional<Segment> header(String raw) {
    String text = Er7Text.normalize(raw == null ? "" : raw);
    if (!text.startsWith("MSH")) {
      return Optional.empty();
    }
    try {
      PipeParser parser = CANONICAL.getPipeParser();
      Segment msh = parser.getCriticalResponseData(text);
      // the critical data holds the fields an answer needs; the rest of MSH (MSH-9) is parsed here
      String line = text.substring(0, text.indexOf('\r'));
      parser.parse(msh, line, new EncodingCharacters(text.charAt(3), Terser.get(msh, 2, 0, 1, 1)));
      return Optional.of(msh);
    } catch (HL7Exception | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static String messageType(Message message) {
    try {
      Terser terser = new Terser(message);
      String code = terser.get("/MSH-9-1");
      String event = terser.get("/MSH-9-2");
      return (code == null ? "(none)" : code) + (event == null ? "" : "^" + event);
    } catch (HL7Exception | RuntimeException e) {
      return "(unreadable)";
    }
  }

  private static ReportRejectedException unreadable(String expression, String message) {
    return new ReportRejectedException(List.of(ValidationIssue.structure(expression, message)), true);
  }
}
