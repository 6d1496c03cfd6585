package io.pathtrack.results.ingest;

import io.pathtrack.results.validation.ReportRejectedException;
import io.pathtrack.results.validation.ValidationIssue;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks on the raw bytes before any parser sees them: the size limit, and no DOCTYPE or entity
 * declarations in XML, which would let a message make the parser read files or URLs (XXE).
 */
public final class PayloadGuard {
  private static final Pattern DOCTYPE = Pattern.compile("<!\\s*(DOCTYPE|ENTITY)", Pattern.CASE_INSENSITIVE);

  private final long maxBytes;

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
        || startsWith(payload, '<');
    if (xml && DOCTYPE.matcher(new String(payload, 0, Math.min(payload.length, 4096), StandardCharsets.UTF_8)).find()) {
      throw new ReportRejectedException(List.of(new ValidationIssue("DiagnosticReport", "security",
          "XML with a DOCTYPE or ENTITY declaration is refused (external entities are not processed)")), true);
    }
  }

  public ReportRejectedException tooLarge(long size) {
    return new ReportRejectedException(List.of(new ValidationIssue("DiagnosticReport", "too-long",
        "payload of " + size + " bytes is over the limit of " + maxBytes + " bytes")), true);
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
