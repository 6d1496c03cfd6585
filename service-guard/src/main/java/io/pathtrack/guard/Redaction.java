package io.pathtrack.guard;

import io.pathtrack.contract.Accessions;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What a log line may say about a value that came from outside: never the value itself (a patient's
 * name typed into the wrong field would end up in the log), but enough to find it again — its length and
 * a short hash — and, for an exception, its class and where it was thrown, never its message (messages of
 * parsers and clients quote what they were given).
 */
public final class Redaction {
  private static final int HASH_BYTES = 4;
  private static final int CAUSES = 3;

  private Redaction() {}

  /** {@code "12 characters, sha256 1a2b3c4d"}, or {@code "absent"}. */
  public static String describe(String value) {
    if (value == null) {
      return "absent";
    }
    return value.length() + " characters, sha256 " + shortHash(value);
  }

  /**
   * An accession as a log line may carry it: as it is when {@link Accessions#problem} finds nothing wrong
   * with it (then it is short and holds no control characters), otherwise only described.
   */
  public static String accession(String value) {
    if (value != null && Accessions.problem(value).isEmpty()) {
      return value;
    }
    return "(unusable accession: " + describe(value) + ")";
  }

  /**
   * {@code "IllegalStateException at io.pathtrack.x.Y.send(Y.java:42), caused by IOException at …"}:
   * the exception's class and the frame that threw it, for it and a few of its causes; no messages.
   */
  public static String exception(Throwable e) {
    StringBuilder out = new StringBuilder();
    Throwable t = e;
    for (int depth = 0; t != null && depth < CAUSES; depth++, t = t.getCause() == t ? null : t.getCause()) {
      if (depth > 0) {
        out.append(", caused by ");
      }
      out.append(t.getClass().getSimpleName());
      StackTraceElement[] frames = t.getStackTrace();
      if (frames.length > 0) {
        out.append(" at ").append(frames[0]);
        StackTraceElement ours = ownFrame(frames);
        if (ours != null && ours != frames[0]) {
          out.append(" via ").append(ours);
        }
      }
    }
    return out.toString();
  }

  /** The first frame in PathTrack's own code: where in our code it went wrong. */
  private static StackTraceElement ownFrame(StackTraceElement[] frames) {
    for (StackTraceElement frame : frames) {
      if (frame.getClassName().startsWith("io.pathtrack.")) {
        return frame;
      }
    }
    return null;
  }

  private static String shortHash(String value) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, HASH_BYTES);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
