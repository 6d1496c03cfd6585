package io.pathtrack.local;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;

/**
 * A pager gateway (webhook receiver) on a fixed port that can be made to fail for a while: gone (connections refused),
 * hung (requests never answered), failing ({@code 500}), then back. It counts, by {@code Idempotency-Key}, the calls it
 * answered {@code 200}: a key answered more than once is a duplicate the receiver collapses.
 */
final class FlakyWebhookReceiver implements AutoCloseable {
  private enum Mode { UP, HANG, FAIL }

  private final int port;
  private final Map<String, Integer> accepted = new TreeMap<>();
  private volatile Mode mode = Mode.UP;
  private HttpServer server;

  FlakyWebhookReceiver() {
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = probe.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    start();
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + port + "/pager");
  }

  private synchronized void start() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/pager", exchange -> {
      exchange.getRequestBody().readAllBytes();
      Mode now = mode;
      if (now == Mode.HANG) {
        sleep(Duration.ofSeconds(30));
      }
      int status = now == Mode.UP ? 200 : 500;
      if (status == 200) {
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        synchronized (accepted) {
          accepted.merge(key == null ? "(none)" : key, 1, Integer::sum);
        }
      }
      exchange.sendResponseHeaders(status, -1);
      exchange.close();
    });
    server.start();
  }

  /** Gone, then hung, then failing, for the durations given, then up again. */
  void outage(Duration gone, Duration hung, Duration failing) {
    synchronized (this) {
      server.stop(0);
    }
    sleep(gone);
    mode = Mode.HANG;
    start();
    sleep(hung);
    mode = Mode.FAIL;
    sleep(failing);
    mode = Mode.UP;
  }

  /** The keys answered 200, with how many times. */
  Map<String, Integer> accepted() {
    synchronized (accepted) {
      return new TreeMap<>(accepted);
    }
  }

  @Override
  public synchronized void close() {
    mode = Mode.UP;
    server.stop(0);
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
