package io.pathtrack.results.mllp;

import ca.uhn.hl7v2.llp.MllpConstants;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Reads MLLP frames (HL7 v2.5.1 appendix C: start byte {@code 0x0B}, content, end bytes {@code 0x1C 0x0D})
 * from a connection, holding at most {@code maxBytes} of a frame in memory. A frame over the limit is
 * read to its end all the same, so the connection stays in step and the sender can be answered, but past
 * the limit its bytes only go into its size and SHA-256, and only its first {@code keepBytes} are kept.
 * HAPI's own MLLP reader buffers a frame whatever its size; its start and end bytes are used here.
 *
 * <p>Blanks and line breaks between frames are skipped (some senders end a frame with an extra LF);
 * anything else outside a frame, or a {@code 0x1C} not followed by {@code 0x0D}, is a protocol error.
 */
final class MllpFrameReader {
  private static final int START = MllpConstants.START_BYTE;
  private static final int END = MllpConstants.END_BYTE1;
  private static final int END_2 = MllpConstants.END_BYTE2;

  private final InputStream in;
  private final long maxBytes;
  private final int keepBytes;
  private final long frameTimeoutNanos;
  private final LongSupplier nanoTime;
  private final byte[] buffer = new byte[8192];
  private int position;
  private int limit;

  /**
   * @param maxBytes the largest frame content read whole
   * @param keepBytes how much of a larger frame is kept (at most {@code maxBytes})
   */
  MllpFrameReader(InputStream in, long maxBytes, int keepBytes) {
    this(in, maxBytes, keepBytes, Duration.ofDays(1), System::nanoTime);
  }

  /**
   * @param frameTimeout the longest one frame may take to arrive
   * @param nanoTime the monotonic clock it is measured with
   */
  MllpFrameReader(InputStream in, long maxBytes, int keepBytes, Duration frameTimeout, LongSupplier nanoTime) {
    this.in = in;
    this.maxBytes = maxBytes;
    this.keepBytes = (int) Math.min(keepBytes, maxBytes);
    this.frameTimeoutNanos = frameTimeout.toNanos();
    this.nanoTime = nanoTime;
  }

  /** Something other than MLLP on the connection. */
  static final class ProtocolException extends IOException {
    ProtocolException(String message) {
      super(message);
    }
  }

  /**
   * The next frame.
   *
   * @return empty when the peer closed the connection between frames
   * @throws ProtocolException bytes outside a frame, a broken end sequence, or the connection closed
   *     inside a frame
   * @throws java.net.SocketTimeoutException nothing arrived within the socket's read timeout
   */
  Optional<MllpFrame> next() throws IOException {
    int b;
    do {
      b = read();
    } while (b == ' ' || b == '\r' || b == '\n' || b == '\t');
    if (b == -1) {
      return Optional.empty();
    }
    if (b != START) {
      throw new ProtocolException("expected the MLLP start byte 0x0B, got 0x" + Integer.toHexString(b));
    }
    return Optional.of(content());
  }

  private MllpFrame content() throws IOException {
    long started = nanoTime.getAsLong();
    MessageDigest sha256 = sha256();
    ByteArrayOutputStream kept = new ByteArrayOutputStream(Math.min(keepBytes, 8192));
    long size = 0;
    while (true) {
      if (position == limit && fill() == -1) {
        throw new ProtocolException("the connection closed inside a frame, after " + size + " bytes");
      }
      if (nanoTime.getAsLong() - started > frameTimeoutNanos) {
        throw new ProtocolException("a frame took longer than " + Duration.ofNanos(frameTimeoutNanos).toSeconds()
            + " s to arrive (" + size + " bytes so far)");
      }
      int end = indexOf(END);
      int stop = end < 0 ? limit : end;
      int length = stop - position;
      sha256.update(buffer, position, length);
      if (size < maxBytes) {
        int room = (int) Math.min(length, maxBytes - size);
        kept.write(buffer, position, room);
      }
      size += length;
      position = stop;
      if (end >= 0) {
        position++;
        int next = read();
        if (next != END_2) {
          throw new ProtocolException("the MLLP end byte 0x1C was followed by "
              + (next == -1 ? "the end of the connection" : "0x" + Integer.toHexString(next)) + ", not 0x0D");
        }
        break;
      }
    }
    byte[] content = kept.toByteArray();
    boolean truncated = size > maxBytes;
    return new MllpFrame(truncated ? Arrays.copyOf(content, keepBytes) : content, size,
        HexFormat.of().formatHex(sha256.digest()), truncated);
  }

  private int indexOf(int value) {
    for (int i = position; i < limit; i++) {
      if ((buffer[i] & 0xff) == value) {
        return i;
      }
    }
    return -1;
  }

  private int read() throws IOException {
    if (position == limit && fill() == -1) {
      return -1;
    }
    return buffer[position++] & 0xff;
  }

  private int fill() throws IOException {
    int n = in.read(buffer, 0, buffer.length);
    if (n == -1) {
      return -1;
    }
    position = 0;
    limit = n;
    return n;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
