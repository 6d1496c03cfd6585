package io.pathtrack.contract;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A record too large to keep whole, kept as its start with the size and SHA-256 of the whole, so the sender can
 * be told which message it was: the one way every channel and every dead letter cuts a record short
 * (headers {@link EventHeaders#TRUNCATED}, {@link EventHeaders#ORIGINAL_SIZE}, {@link EventHeaders#ORIGINAL_SHA256}).
 *
 * @param kept the start that is kept
 * @param originalSize the size of the whole, in bytes
 * @param originalSha256 the SHA-256 of the whole, in hex
 */
public record TruncatedRecord(byte[] kept, long originalSize, String originalSha256) {

  /** The value cut to {@code keep} bytes when it is over {@code limit}; empty when it may be kept whole. */
  public static Optional<TruncatedRecord> ifOver(byte[] value, int limit, int keep) {
    if (value == null || value.length <= limit) {
      return Optional.empty();
    }
    return Optional.of(new TruncatedRecord(Arrays.copyOf(value, Math.min(keep, value.length)), value.length, sha256(value)));
  }

  /** The headers that say the record was cut short, and what it was. */
  public Map<String, String> headers() {
    Map<String, String> h = new LinkedHashMap<>();
    h.put(EventHeaders.TRUNCATED, "true");
    h.put(EventHeaders.ORIGINAL_SIZE, Long.toString(originalSize));
    h.put(EventHeaders.ORIGINAL_SHA256, originalSha256);
    return h;
  }

  /** SHA-256 of the bytes, in hex. */
  public static String sha256(byte[] value) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
