package io.pathtrack.results.mllp;

import io.pathtrack.results.ingest.InboundPublisher;
import io.pathtrack.results.ingest.ReportIntake;
import io.pathtrack.results.pipeline.ReportMetrics;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLServerSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.ssl.SslOptions;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.stereotype.Component;

/**
 * The HL7 v2 MLLP listener: accepts connections, plain or TLS, from the allowed source addresses, serves
 * at most {@code max-connections} of them at once, one thread each from a pool of that size, and closes
 * the one beyond at once; each connection is an {@link MllpConnection}. Refused connections and open ones
 * are metrics. Started and stopped with the Spring context.
 *
 * <p>This is not HAPI's server ({@code HL7Service}, {@code SimpleServer}), which lacks the bounds an
 * interface engine's peer needs: it runs its accept loop, its connection cleaner and one long-lived
 * Receiver per connection on the one executor, plus a task per message, so with a bounded pool a
 * connection beyond it is accepted but never read; its MLLP reader buffers a frame of any size; a read
 * timeout only makes the Receiver read again, so an idle connection is never closed; it has no place to
 * refuse a connection by count or source address; and it leaves an empty frame unanswered and drops a
 * message carrying MSA-2 with its whole text in the log. HAPI still parses the messages, builds the
 * acknowledgements and writes the MLLP frames.
 */
@Component
@ConditionalOnProperty(prefix = "pathtrack.results.mllp", name = "enabled", havingValue = "true", matchIfMissing = true)
public class MllpListener implements SmartLifecycle {
  /** The port actually bound, published like Spring's {@code local.server.port}. */
  public static final String LOCAL_PORT_PROPERTY = "local.mllp.port";
  private static final Logger log = LoggerFactory.getLogger(MllpListener.class);

  private final MllpProperties properties;
  private final ResultMessageReceiver receiver;
  private final ReportMetrics metrics;
  private final ConfigurableEnvironment environment;
  private final ObjectProvider<SslBundles> sslBundles;
  private final AllowedSources sources;
  private final Semaphore slots;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private volatile ServerSocket serverSocket;
  private volatile ThreadPoolExecutor workers;
  private volatile Thread acceptor;
  private volatile int port = -1;

  public MllpListener(MllpProperties properties, ReportIntake intake, InboundPublisher inbound, ReportMetrics metrics,
      ConfigurableEnvironment environment, ObjectProvider<SslBundles> sslBundles) {
    this.properties = properties;
    this.receiver = new ResultMessageReceiver(intake, inbound, metrics, (int) properties.truncateTo().toBytes());
    this.metrics = metrics;
    this.environment = environment;
    this.sslBundles = sslBundles;
    this.sources = AllowedSources.of(properties.allowedSources());
    this.slots = new Semaphore(properties.maxConnections());
    metrics.mllpOpenConnections(() -> properties.maxConnections() - slots.availablePermits());
  }

  @Override
  public synchronized void start() {
    if (serverSocket != null) {
      return;
    }
    try {
      serverSocket = bind();
    } catch (IOException e) {
      throw new UncheckedIOException("MLLP listener could not listen on port " + properties.port(), e);
    }
    port = serverSocket.getLocalPort();
    int threads = properties.maxConnections();
    workers = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
        daemonThreads("mllp-connection-"));
    workers.allowCoreThreadTimeOut(true);
    ServerSocket listening = serverSocket;
    acceptor = daemonThreads("mllp-acceptor-").newThread(() -> accept(listening));
    acceptor.start();
    environment.getPropertySources().addFirst(new MapPropertySource("mllp-listener", Map.of(LOCAL_PORT_PROPERTY, port)));
    log.info("HL7 v2 MLLP listener on port {} ({}; at most {} connections, idle timeout {} s, sources {})", port,
        properties.tls().enabled() ? "TLS, client certificates " + properties.tls().clientAuth().name().toLowerCase()
            : "plain TCP",
        threads, properties.idleTimeout().toSeconds(), sources);
  }

  @Override
  public synchronized void stop() {
    ServerSocket listening = serverSocket;
    if (listening == null) {
      return;
    }
    serverSocket = null;
    close(listening);
    open.forEach(MllpListener::close);
    workers.shutdownNow();
    try {
      acceptor.join(2000);
      workers.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    log.info("HL7 v2 MLLP listener on port {} stopped", port);
  }

  @Override
  public boolean isRunning() {
    return serverSocket != null;
  }

  /** The port bound, once started. */
  public int port() {
    return port;
  }

  private ServerSocket bind() throws IOException {
    MllpProperties.Tls tls = properties.tls();
    ServerSocket socket;
    if (tls.enabled()) {
      SslBundle bundle = sslBundles.getObject().getBundle(tls.bundle());
      SSLServerSocket secure = (SSLServerSocket) bundle.createSslContext().getServerSocketFactory().createServerSocket();
      SslOptions options = bundle.getOptions();
      if (options.getEnabledProtocols() != null) {
        secure.setEnabledProtocols(options.getEnabledProtocols());
      }
      if (options.getCiphers() != null) {
        secure.setEnabledCipherSuites(options.getCiphers());
      }
      switch (tls.clientAuth()) {
        case NEED -> secure.setNeedClientAuth(true);
        case WANT -> secure.setWantClientAuth(true);
        case NONE -> secure.setWantClientAuth(false);
      }
      socket = secure;
    } else {
      socket = new ServerSocket();
    }
    socket.setReuseAddress(true);
    socket.bind(new InetSocketAddress(properties.port()));
    return socket;
  }

  private void accept(ServerSocket listening) {
    while (!listening.isClosed()) {
      try {
        admit(listening.accept());
      } catch (IOException e) {
        if (!listening.isClosed()) {
          log.warn("MLLP listener could not accept a connection: {}", e.toString());
        }
      }
    }
  }

  /** Serves the connection, or closes it at once when its source is not allowed or every slot is taken. */
  private void admit(Socket socket) {
    String from = socket.getInetAddress().getHostAddress();
    if (!sources.allows(socket.getInetAddress())) {
      refuse(socket, "not-allowed");
      log.warn("MLLP connection from {} refused: not in pathtrack.results.mllp.allowed-sources", from);
      return;
    }
    if (!slots.tryAcquire()) {
      refuse(socket, "max-connections");
      log.warn("MLLP connection from {} refused: {} connections are open (pathtrack.results.mllp.max-connections)",
          from, properties.maxConnections());
      return;
    }
    open.add(socket);
    MllpConnection connection = new MllpConnection(socket, receiver, metrics, properties.idleTimeout(),
        properties.frameTimeout());
    try {
      workers.execute(() -> {
        try {
          connection.run();
        } finally {
          open.remove(socket);
          slots.release();
        }
      });
    } catch (RejectedExecutionException e) {
      // stopping
      open.remove(socket);
      slots.release();
      close(socket);
    }
  }

  private void refuse(Socket socket, String reason) {
    metrics.mllpConnectionRefused(reason);
    close(socket);
  }

  private static void close(Closeable closeable) {
    try {
      closeable.close();
    } catch (IOException e) {
      // closing anyway
    }
  }

  private static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
