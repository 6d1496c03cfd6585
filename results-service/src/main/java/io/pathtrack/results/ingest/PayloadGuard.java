package io.pathtrack.results.ingest;

import io.pathtrack.results.validation.ReportRejectedException;
import io.pathtrack.results.validation.ValidationIssue;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Checks on the raw bytes before HAPI's parser sees them: the size limit, and no DOCTYPE or entity
 * declarations in XML, which would let a message make the parser read files or URLs (XXE) or expand entities
 * without bound. A text search of the first 4 KB answers most at once; a StAX read of the whole document with
 * DTD processing switched off is the guarantee.
 */
public final class PayloadGuard {
  private static final Pattern DOCTYPE = Pattern.compile("<!\\s*(DOCTYPE|ENTITY)", Pattern.CASE_INSENSITIVE);

  private static final XMLInputFactory HARDENED = hardenedFactory();

  private final long maxBytes;

  private static XMLInputFactory hardenedFactory() {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    factory.setXMLResolver((publicId, systemId, base, namespace) -> {
      throw new XMLStreamException("external entities are not read");
    });
    return factory;
  }

  public PayloadGuard(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  public long maxBytes() {
    return maxBytes;
  }

  /** @throws ReportRejectedException with code {@code too-long} or {@code security} */
  public void check(byte[] payload, String contentType) {
    if (payload.length > maxBytes) {
      throw tooLarge(payload.length);
    }
    boolean xml = contentType != null && contentType.toLowerCase(Locale.ROOT).contains("xml")
        || startsWith(payload, '<') || wideEncoding(payload);
    if (xml && (DOCTYPE.matcher(new String(payload, 0, Math.min(payload.length, 4096), StandardCharsets.UTF_8)).find()
        || declaresDoctype(payload))) {
      throw new ReportRejectedException(List.of(new ValidationIssue("DiagnosticReport", "security",
          "XML with a DOCTYPE or ENTITY declaration is refused (external entities are not processed)")), true);
    }
  }

  /**
   * The guarantee behind the fast check above: the whole document, in whatever encoding it declares (UTF-16,
   * a DOCTYPE after a long comment…), read by a StAX parser that does not process DTDs at all, so HAPI's parser
   * only ever sees documents without one. A document this reader cannot read is left to HAPI, which answers
   * with the precise parse error.
   */
  private static boolean declaresDoctype(byte[] payload) {
    // Read twice: as the UTF-8 text HAPI is given (whatever the prolog declares), and as bytes in the encoding
    // the document declares or its byte-order mark says, as an HTTP server with that charset would decode it.
    try {
      if (declaresDoctype(HARDENED.createXMLStreamReader(new java.io.StringReader(new String(payload, StandardCharsets.UTF_8))))) {
        return true;
      }
    } catch (XMLStreamException | RuntimeException unreadable) {
      // not read this way; the other reading decides
    }
    try {
      return declaresDoctype(HARDENED.createXMLStreamReader(new ByteArrayInputStream(payload)));
    } catch (XMLStreamException | RuntimeException unreadable) {
      return false;
    }
  }

  private static boolean declaresDoctype(XMLStreamReader reader) {
    try {
      while (reader.hasNext()) {
        if (reader.next() == XMLStreamConstants.DTD) {
          return true;
        }
      }
      return false;
    } catch (XMLStreamException | RuntimeException e) {
      return false;
    } finally {
      try {
        reader.close();
      } catch (XMLStreamException ignored) {
        // nothing was opened that outlives the reader
      }
    }
  }

  public ReportRejectedException tooLarge(long size) {
    return new ReportRejectedException(List.of(new ValidationIssue("DiagnosticReport", "too-long",
        "payload of " + size + " bytes is over the limit of " + maxBytes + " bytes")), true);
  }

  /** UTF-16 or UTF-32 text (a byte-order mark, or '<' next to a zero byte): read as XML by the guarantee. */
  private static boolean wideEncoding(byte[] p) {
    if (p.length < 2) {
      return false;
    }
    boolean bom = (p[0] == (byte) 0xFE && p[1] == (byte) 0xFF) || (p[0] == (byte) 0xFF && p[1] == (byte) 0xFE);
    return bom || (p[0] == 0 && p[1] == '<') || (p[0] == '<' && p[1] == 0) || (p[0] == 0 && p[1] == 0);
  }

  private static boolean startsWith(byte[] payload, char c) {
    for (byte b : payload) {
      if (!Character.isWhitespace(b) && b != (byte) 0xEF && b != (byte) 0xBB && b != (byte) 0xBF) {
        return b == c;
      }
    }
    return false;
  }
}
