package io.pathtrack.local;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A real SMTP server (GreenMail) on a fixed port that can be made to fail for a while, as a hospital's mail relay does:
 * gone (connections refused), hung (connections accepted, never answered), busy ({@code 421} to every connection),
 * then back as a new server on the same port. What every server received is counted together, by Message-ID.
 */
final class FlakyMailServer implements AutoCloseable {
  private final int port;
  /** The mail stores of every server so far: GreenMail gives a stopped server a new, empty one. */
  private final List<com.icegreen.greenmail.Managers> stores = new ArrayList<>();
  private GreenMail current;

  FlakyMailServer() {
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = probe.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    startServer();
  }

  int port() {
    return port;
  }

  private synchronized void startServer() {
    current = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    current.start();
    stores.add(current.getManagers());
  }

  /** Waits until the servers together received this many emails; fails when they have not within the time. */
  void awaitEmails(int count, Duration within) {
    long end = System.nanoTime() + within.toNanos();
    try {
      while (messageIds().values().stream().mapToInt(Integer::intValue).sum() < count) {
        if (System.nanoTime() > end) {
          throw new IllegalStateException("fewer than " + count + " emails within " + within);
        }
        sleep(Duration.ofMillis(200));
      }
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Fails in the three ways for the durations given, one after the other, then serves again. */
  void outage(Duration refusing, Duration hanging, Duration busy) {
    synchronized (this) {
      current.stop();
      current = null;
    }
    sleep(refusing);
    misbehave(hanging, null);
    misbehave(busy, "421 4.3.2 Service not available, try again later\r\n");
    startServer();
  }

  /** Listens on the port for a while: answering each connection with {@code greeting} and closing, or never answering. */
  private void misbehave(Duration duration, String greeting) {
    List<Socket> held = new ArrayList<>();
    try (ServerSocket server = new ServerSocket()) {
      server.setReuseAddress(true);
      server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      server.setSoTimeout(200);
      long end = System.nanoTime() + duration.toNanos();
      while (System.nanoTime() < end) {
        try {
          Socket client = server.accept();
          if (greeting == null) {
            held.add(client);
          } else {
            try (Socket answered = client; OutputStream out = answered.getOutputStream()) {
              out.write(greeting.getBytes(StandardCharsets.US_ASCII));
              out.flush();
            }
          }
        } catch (java.net.SocketTimeoutException quiet) {
          // no connection in this while: look at the clock again
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      for (Socket s : held) {
        try {
          s.close();
        } catch (IOException ignored) {
          // already gone
        }
      }
    }
  }

  /** Every email every server received, by Message-ID (more than 1: received again). */
  synchronized Map<String, Integer> messageIds() throws MessagingException {
    Map<String, Integer> ids = new TreeMap<>();
    for (com.icegreen.greenmail.Managers store : stores) {
      for (com.icegreen.greenmail.store.StoredMessage stored : store.getImapHostManager().getAllMessages()) {
        MimeMessage m = stored.getMimeMessage();
        ids.merge(m.getMessageID(), 1, Integer::sum);
      }
    }
    return ids;
  }

  @Override
  public synchronized void close() {
    if (current != null) {
      current.stop();
      current = null;
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
