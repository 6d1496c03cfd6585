package io.pathtrack.results.hl7;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.app.HL7Service;
import ca.uhn.hl7v2.llp.MinLowerLayerProtocol;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.Segment;
import ca.uhn.hl7v2.parser.CanonicalModelClassFactory;
import ca.uhn.hl7v2.parser.GenericParser;
import ca.uhn.hl7v2.protocol.ReceivingApplication;
import ca.uhn.hl7v2.protocol.ReceivingApplicationExceptionHandler;
import ca.uhn.hl7v2.protocol.impl.ApplicationRouterImpl;
import ca.uhn.hl7v2.util.SocketFactory;
import ca.uhn.hl7v2.util.StandardSocketFactory;
import io.pathtrack.results.ingest.InboundPublisher;
import io.pathtrack.results.ingest.ReportIntake;
import io.pathtrack.results.pipeline.ReportMetrics;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.stereotype.Component;

/**
 * The HL7 v2 MLLP listener: HAPI's server (MLLP framing, one reader per connection, original-mode
 * acknowledgement) with one application for every message, the {@link ResultMessageReceiver}. HAPI's
 * own parse only routes the message; the receiver reads the raw text, which it repairs first, so a
 * message HAPI cannot parse as sent is still read (the router hands those to the exception handler,
 * which answers the same way). Started and stopped with the Spring context; a connection that sends
 * garbage or drops mid-message is closed by HAPI and the listener goes on serving the others.
 */
@Component
@ConditionalOnProperty(prefix = "pathtrack.results.mllp", name = "enabled", havingValue = "true", matchIfMissing = true)
public class MllpListener implements SmartLifecycle {
  /** The port actually bound, published like Spring's {@code local.server.port}. */
  public static final String LOCAL_PORT_PROPERTY = "local.mllp.port";
  private static final Logger log = LoggerFactory.getLogger(MllpListener.class);
  private static final Duration BIND_TIMEOUT = Duration.ofSeconds(10);

  private final MllpProperties properties;
  private final ResultMessageReceiver receiver;
  private final ConfigurableEnvironment environment;
  private volatile HL7Service server;
  private volatile ExecutorService executor;
  private volatile int port = -1;

  public MllpListener(MllpProperties properties, ReportIntake intake, InboundPublisher inbound, ReportMetrics metrics,
      ConfigurableEnvironment environment) {
    this.properties = properties;
    this.receiver = new ResultMessageReceiver(intake, inbound, metrics);
    this.environment = environment;
  }

  @Override
  public synchronized void start() {
    if (server != null) {
      return;
    }
    executor = Executors.newCachedThreadPool(daemonThreads());
    RecordingSocketFactory sockets = new RecordingSocketFactory();
    HapiContext context = OruMessages.configure(new ServerContext());
    context.setExecutorService(executor);
    context.setSocketFactory(sockets);
    // UTF-8 unless MSH-18 names another character set
    MinLowerLayerProtocol llp = new MinLowerLayerProtocol(true);
    llp.setCharset(StandardCharsets.UTF_8);
    context.setLowerLayerProtocol(llp);

    HL7Service service = context.newServer(properties.port(), false);
    Application application = new Application(receiver);
    service.registerApplication("ORU", "R01", application);
    service.registerApplication("*", "*", application);
    service.setExceptionHandler(application);
    try {
      service.startAndWait();
      port = sockets.awaitBound(service, BIND_TIMEOUT);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      shutDown(service);
      throw new IllegalStateException("interrupted while starting the MLLP listener", e);
    } catch (RuntimeException e) {
      shutDown(service);
      throw e;
    }
    server = service;
    environment.getPropertySources().addFirst(new MapPropertySource("mllp-listener", Map.of(LOCAL_PORT_PROPERTY, port)));
    log.info("HL7 v2 MLLP listener on port {} (ORU^R01, v2.3.1 to v2.5.1)", port);
  }

  @Override
  public synchronized void stop() {
    HL7Service service = server;
    server = null;
    if (service != null) {
      shutDown(service);
      log.info("HL7 v2 MLLP listener on port {} stopped", port);
    }
  }

  private void shutDown(HL7Service service) {
    service.stopAndWait();
    if (executor != null) {
      executor.shutdownNow();
    }
  }

  @Override
  public boolean isRunning() {
    return server != null;
  }

  /** The port bound, once started. */
  public int port() {
    return port;
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, "mllp-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  /**
   * The one application: the message HAPI parsed is only used for routing; the receiver reads the raw
   * text. A message HAPI could not parse comes to the exception handler with its raw text, and gets
   * the same treatment.
   */
  private record Application(ResultMessageReceiver receiver)
      implements ReceivingApplication<Message>, ReceivingApplicationExceptionHandler {

    @Override
    public Message processMessage(Message message, Map<String, Object> metadata) throws HL7Exception {
      Object raw = metadata.get(ApplicationRouterImpl.RAW_MESSAGE_KEY);
      return receiver.receive(raw instanceof String text ? text : message.encode());
    }

    @Override
    public boolean canProcess(Message message) {
      return true;
    }

    @Override
    public String processException(String incomingMessage, Map<String, Object> metadata, String outgoingMessage,
        Exception e) {
      return Acknowledgements.encode(receiver.receive(incomingMessage == null ? "" : incomingMessage));
    }
  }

  /**
   * The server's HAPI context. Its parser, which HAPI's router uses to route a message and to answer
   * one it cannot parse, repairs the text first ({@link Er7Text#normalize}) and builds those answers
   * with this context's settings (HAPI's defaults would keep a message-id counter file in the working
   * directory).
   */
  private static final class ServerContext extends DefaultHapiContext {
    private GenericParser parser;

    ServerContext() {
      super(new CanonicalModelClassFactory("2.5.1"));
    }

    @Override
    public synchronized GenericParser getGenericParser() {
      if (parser == null) {
        parser = new GenericParser(this) {
          @Override
          public Message parse(String message) throws HL7Exception {
            return super.parse(Er7Text.normalize(message));
          }

          @Override
          public Segment getCriticalResponseData(String message) throws HL7Exception {
            Segment header = super.getCriticalResponseData(Er7Text.normalize(message));
            header.getMessage().setParser(this);
            return header;
          }
        };
      }
      return parser;
    }
  }

  /** HAPI's standard sockets, remembering the server socket so the bound port can be read. */
  private static final class RecordingSocketFactory implements SocketFactory {
    private final StandardSocketFactory standard = new StandardSocketFactory();
    private final AtomicReference<ServerSocket> serverSocket = new AtomicReference<>();

    @Override
    public Socket createSocket() throws IOException {
      return standard.createSocket();
    }

    @Override
    public Socket createTlsSocket() throws IOException {
      return standard.createTlsSocket();
    }

    @Override
    public ServerSocket createServerSocket() throws IOException {
      ServerSocket socket = standard.createServerSocket();
      serverSocket.set(socket);
      return socket;
    }

    @Override
    public ServerSocket createTlsServerSocket() throws IOException {
      ServerSocket socket = standard.createTlsServerSocket();
      serverSocket.set(socket);
      return socket;
    }

    @Override
    public void configureNewAcceptedSocket(Socket socket) throws SocketException {
      standard.configureNewAcceptedSocket(socket);
    }

    /** HAPI binds in its acceptor thread; wait for it, or for the failure it reports. */
    int awaitBound(HL7Service service, Duration timeout) throws InterruptedException {
      long deadline = System.nanoTime() + timeout.toNanos();
      while (System.nanoTime() < deadline) {
        ServerSocket socket = serverSocket.get();
        if (socket != null && socket.isBound()) {
          return socket.getLocalPort();
        }
        Throwable failure = service.getServiceExitedWithException();
        if (failure != null) {
          throw new IllegalStateException("MLLP listener could not listen: " + failure.getMessage(), failure);
        }
        Thread.sleep(20);
      }
      throw new IllegalStateException("MLLP listener did not bind its port within " + timeout.toSeconds() + " s");
    }
  }
}
