package io.pathtrack.results.mllp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** MLLP frames read with a bound: whole below it, only the start (with size and hash) above it. */
class Hl7MllpFrameReaderTest {

  @Test
  void framesAreReadOneAfterTheOtherWithBlanksBetweenThemSkipped() throws IOException {
    MllpFrameReader reader = reader(bytes("\u000bMSH|first\r\u001c\r\n\u000b\u001c\r \u000bMSH|third\u001c\r"), 100, 10);
    assertThat(text(reader.next().orElseThrow())).isEqualTo("MSH|first\r");
    MllpFrame empty = reader.next().orElseThrow();
    assertThat(empty.content()).isEmpty();
    assertThat(empty.size()).isZero();
    assertThat(text(reader.next().orElseThrow())).isEqualTo("MSH|third");
    assertThat(reader.next()).as("end of the connection between frames").isEmpty();
  }

  @Test
  void aFrameOverTheLimitIsReadToItsEndButOnlyItsStartIsKeptWithTheWholeSizeAndHash() throws Exception {
    byte[] content = new byte[100_000];
    Arrays.fill(content, (byte) 'x');
    byte[] stream = concat(frame(content), frame(bytes("MSH|next")));
    MllpFrameReader reader = reader(stream, 50_000, 1_000);

    MllpFrame big = reader.next().orElseThrow();
    assertThat(big.truncated()).isTrue();
    assertThat(big.size()).isEqualTo(100_000);
    assertThat(big.content()).hasSize(1_000).isEqualTo(Arrays.copyOf(content, 1_000));
    assertThat(big.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)));
    assertThat(text(reader.next().orElseThrow())).as("the connection stays in step").isEqualTo("MSH|next");
  }

  @Test
  void aFrameOfExactlyTheLimitIsReadWhole() throws IOException {
    byte[] content = new byte[5_000];
    Arrays.fill(content, (byte) 'y');
    MllpFrame frame = reader(frame(content), 5_000, 100).next().orElseThrow();
    assertThat(frame.truncated()).isFalse();
    assertThat(frame.content()).isEqualTo(content);
  }

  @Test
  void bytesOutsideAFrameAreAProtocolError() {
    assertThatThrownBy(() -> reader(bytes("GET / HTTP/1.1\r\n"), 100, 10).next())
        .isInstanceOf(MllpFrameReader.ProtocolException.class).hasMessageContaining("0x0B");
  }

  @Test
  void anEndByteNotFollowedByCarriageReturnIsAProtocolError() {
    assertThatThrownBy(() -> reader(bytes("\u000bMSH|x\u001cMSH"), 100, 10).next())
        .isInstanceOf(MllpFrameReader.ProtocolException.class).hasMessageContaining("0x0D");
  }

  @Test
  void aConnectionClosedInsideAFrameIsAProtocolError() {
    assertThatThrownBy(() -> reader(bytes("\u000bMSH|half a message"), 100, 10).next())
        .isInstanceOf(MllpFrameReader.ProtocolException.class).hasMessageContaining("inside a frame");
  }

  @Test
  void aFrameIsReadWhenItsBytesArriveOneAtATime() throws IOException {
    InputStream trickle = new ByteArrayInputStream(frame(bytes("MSH|slow"))) {
      @Override
      public synchronized int read(byte[] b, int off, int len) {
        return super.read(b, off, Math.min(len, 1));
      }
    };
    assertThat(text(new MllpFrameReader(trickle, 100, 10).next().orElseThrow())).isEqualTo("MSH|slow");
  }

  private static MllpFrameReader reader(byte[] stream, long max, int keep) {
    return new MllpFrameReader(new ByteArrayInputStream(stream), max, keep);
  }

  private static byte[] frame(byte[] content) {
    return concat(new byte[] {0x0b}, content, new byte[] {0x1c, 0x0d});
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }

  @Test
  void aFrameThatTricklesInLongerThanTheFrameTimeoutClosesTheConnection() {
    // Each read "takes" a minute on the clock the reader is given: within any idle timeout, but the frame as a
    // whole outlasts a five-minute frame timeout.
    long[] now = {0};
    InputStream trickle = new InputStream() {
      private final byte[] bytes = "\u000bMSH|^~\\&|slow and steady".getBytes(StandardCharsets.UTF_8);
      private int next;

      @Override
      public int read() {
        now[0] += java.time.Duration.ofMinutes(1).toNanos();
        return next < bytes.length ? bytes[next++] : -1;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        int c = read();
        if (c == -1) {
          return -1;
        }
        b[off] = (byte) c;
        return 1;
      }
    };
    MllpFrameReader reader = new MllpFrameReader(trickle, 1000, 100, java.time.Duration.ofMinutes(5), () -> now[0]);
    org.assertj.core.api.Assertions.assertThatThrownBy(reader::next)
        .isInstanceOf(MllpFrameReader.ProtocolException.class)
        .hasMessageContaining("longer than 300 s");
  }

  private static String text(MllpFrame frame) {
    return new String(frame.content(), StandardCharsets.ISO_8859_1);
  }
}
