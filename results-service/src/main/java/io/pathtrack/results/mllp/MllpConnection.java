package io.pathtrack.results.mllp;

import ca.uhn.hl7v2.llp.HL7Writer;
import ca.uhn.hl7v2.llp.LLPException;
import ca.uhn.hl7v2.llp.MinLowerLayerProtocol;
import ca.uhn.hl7v2.model.Message;
import io.pathtrack.results.pipeline.ReportMetrics;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One MLLP connection, served until the peer closes it, goes quiet for the idle timeout, or sends
 * something that is not MLLP: frames are read with a size bound ({@link MllpFrameReader}), each handed to
 * the {@link ResultMessageReceiver}, and its acknowledgement written back with HAPI's MLLP writer
 * (original mode: one answer per message, in order, on the same connection). On a TLS connection the
 * handshake comes first; a client the handshake refuses (no trusted certificate when one is needed) is
 * counted and closed.
 */
final class MllpConnection implements Runnable {
  private static final Logger log = LoggerFactory.getLogger(MllpConnection.class);

  private final Socket socket;
  private final ResultMessageReceiver receiver;
  private final ReportMetrics metrics;
  private final Duration idleTimeout;
  private final Duration frameTimeout;
  private final String peer;

  MllpConnection(Socket socket, ResultMessageReceiver receiver, ReportMetrics metrics, Duration idleTimeout,
      Duration frameTimeout) {
    this.frameTimeout = frameTimeout;
    this.socket = socket;
    this.receiver = receiver;
    this.metrics = metrics;
    this.idleTimeout = idleTimeout;
    this.peer = socket.getInetAddress().getHostAddress() + ":" + socket.getPort();
  }

  @Override
  public void run() {
    try (socket) {
      socket.setSoTimeout((int) idleTimeout.toMillis());
      if (socket instanceof SSLSocket tls && !handshake(tls)) {
        return;
      }
      log.debug("MLLP connection from {} opened", peer);
      serve();
      log.debug("MLLP connection from {} closed by the peer", peer);
    } catch (SocketTimeoutException e) {
      metrics.mllpConnectionIdleClosed();
      log.info("MLLP connection from {} was idle for {} s; closed", peer, idleTimeout.toSeconds());
    } catch (MllpFrameReader.ProtocolException e) {
      log.warn("MLLP connection from {} closed: {}", peer, e.getMessage());
    } catch (IOException | LLPException e) {
      log.info("MLLP connection from {} ended: {}", peer, e.getClass().getSimpleName());
    } catch (RuntimeException e) {
      StackTraceElement at = e.getStackTrace().length > 0 ? e.getStackTrace()[0] : null;
      log.error("MLLP connection from {} failed ({} at {}); closed", peer, e.getClass().getName(), at);
    }
  }

  private boolean handshake(SSLSocket tls) {
    try {
      tls.startHandshake();
      return true;
    } catch (IOException e) {
      metrics.mllpConnectionRefused("tls");
      log.warn("MLLP connection from {} refused: TLS handshake failed ({})", peer, e.getMessage());
      return false;
    }
  }

  private void serve() throws IOException, LLPException {
    MllpFrameReader frames = new MllpFrameReader(socket.getInputStream(), receiver.maxBytes(), receiver.truncateTo(),
        frameTimeout, System::nanoTime);
    // the ACK in UTF-8 unless its MSH-18 (copied from the message) names another character set
    MinLowerLayerProtocol llp = new MinLowerLayerProtocol(true);
    llp.setCharset(StandardCharsets.UTF_8);
    HL7Writer writer = llp.getWriter(socket.getOutputStream());
    for (Optional<MllpFrame> frame = frames.next(); frame.isPresent(); frame = frames.next()) {
      Optional<Message> answer = receiver.receive(frame.get());
      if (answer.isPresent()) {
        writer.writeMessage(Acknowledgements.encode(answer.get()));
      }
    }
  }
}
