package io.pathtrack.kafka.embedded;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real, single-node Apache Kafka broker in KRaft mode (combined broker and controller), started in
 * this JVM with Kafka's own server classes. It listens on loopback only.
 *
 * <p>Given a data directory, the broker keeps its log there and finds it again on the next start, so
 * topics, offsets and Kafka Streams changelogs survive a restart. Without one, it uses a temporary
 * directory that {@link #close()} deletes.
 *
 * <p>By default clients connect in PLAINTEXT and may do anything. {@link Builder#sasl()} secures it as a
 * cluster is secured: clients log in with SASL/SCRAM-SHA-512 ({@link #clientProperties(String)}) and may do only
 * what {@code deploy/kafka/acls.tsv} grants them ({@link AclList}); see {@link SaslSecurity}.
 */
public final class EmbeddedKafkaBroker implements EmbeddedKafka {
  private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
  /** The largest record any topic accepts: the contract's RecordSizes.MAX_RECORD_BYTES (a test keeps them equal). */
  public static final int MAX_MESSAGE_BYTES = 8 * 1024 * 1024 + 512 * 1024;
  private static final int DEFAULT_NODE_ID = 1;
  private static final String CONTROLLER_LISTENER = "CONTROLLER";
  /** The super user of a secured broker: the broker itself and whoever administers it. */
  public static final String ADMIN = SaslSecurity.ADMIN;

  private final Path dataDirectory;
  private final boolean temporary;
  private final int brokerPort;
  private final int controllerPort;
  private final Map<String, String> overrides;
  private final SaslSecurity security;
  private final int nodeId;
  /** {@code controller.quorum.voters}; null: this node alone. */
  private final String voters;
  private final String clusterId;
  private final int replicationFactor;
  private final int minInSyncReplicas;
  private KafkaRaftServer server;

  private EmbeddedKafkaBroker(Builder builder) {
    try {
      this.temporary = builder.dataDirectory == null;
      this.dataDirectory = temporary
          ? Files.createTempDirectory("embedded-kafka-")
          : Files.createDirectories(builder.dataDirectory);
      this.brokerPort = builder.brokerPort > 0 ? builder.brokerPort : freePort();
      this.controllerPort = builder.controllerPort > 0 ? builder.controllerPort : freePort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.overrides = Map.copyOf(builder.overrides);
    this.nodeId = builder.nodeId;
    this.voters = builder.voters;
    this.clusterId = builder.clusterId;
    this.replicationFactor = builder.replicationFactor;
    this.minInSyncReplicas = builder.minInSyncReplicas;
    this.security = builder.acls == null ? null
        : new SaslSecurity(builder.acls, builder.adminPassword, builder.passwords);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Formats the log directory if it is new, starts the broker and waits until it serves clients. */
  public synchronized EmbeddedKafkaBroker start() {
    if (server != null) {
      return this;
    }
    startServer();
    awaitReady(Duration.ofSeconds(60));
    if (security != null) {
      provision();
    }
    log.info("Kafka broker ready at {} (data in {}{})", bootstrapServers(), dataDirectory,
        security == null ? "" : "; SASL/SCRAM-SHA-512, users " + security.users() + ", ACLs of " + AclList.RESOURCE);
    return this;
  }

  /**
   * Formats the log directory if it is new and starts the node without waiting for it to serve: a node of a cluster
   * serves only once a majority of the controllers is up ({@link EmbeddedKafkaCluster} starts them all, then waits).
   */
  synchronized void startServer() {
    if (server != null) {
      return;
    }
    KafkaConfig config = KafkaConfig.fromProps(brokerProperties(), false);
    format(config);
    server = new KafkaRaftServer(config, Time.SYSTEM);
    server.startup();
  }

  /** Waits until this node lets the administrator describe the cluster. */
  void awaitServing(Duration timeout) {
    awaitReady(timeout);
  }

  /** This node's id in its cluster. */
  public int nodeId() {
    return nodeId;
  }

  /** {@code host:port} for clients' {@code bootstrap.servers}. */
  @Override
  public String bootstrapServers() {
    return "127.0.0.1:" + brokerPort;
  }

  /** Whether clients must log in (SASL) and are authorised by ACLs. */
  public boolean secured() {
    return security != null;
  }

  /** {@code PLAINTEXT}, or {@code SASL_PLAINTEXT} when {@link #secured()}. */
  @Override
  public String securityProtocol() {
    return security == null ? "PLAINTEXT" : "SASL_PLAINTEXT";
  }

  /** The SASL mechanism of the users of a secured broker (the administrator's is PLAIN). */
  @Override
  public String saslMechanism() {
    return SaslSecurity.MECHANISM;
  }

  /** The password of a user of a secured broker (a user of the ACL list, one configured, or {@value #ADMIN}). */
  @Override
  public String password(String user) {
    return requireSecurity().password(user);
  }

  /**
   * Everything a Kafka client needs to reach this broker as the user: the bootstrap servers and, when secured, the
   * security protocol, SASL mechanism and login. On a PLAINTEXT broker the user is ignored.
   */
  @Override
  public Map<String, Object> clientProperties(String user) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    if (security != null) {
      p.putAll(security.clientProperties(user));
    }
    return p;
  }

  public Path dataDirectory() {
    return dataDirectory;
  }

  public boolean isRunning() {
    return server != null;
  }

  /** Stops the broker; the data directory stays unless it was temporary. */
  public synchronized void stop() {
    if (server == null) {
      return;
    }
    server.shutdown();
    server.awaitShutdown();
    server = null;
  }

  @Override
  public synchronized void close() {
    stop();
    if (temporary) {
      deleteRecursively(dataDirectory);
    }
  }

  private Properties brokerProperties() {
    String client = securityProtocol();
    Map<String, String> p = new LinkedHashMap<>();
    p.put("process.roles", "broker,controller");
    p.put("node.id", String.valueOf(nodeId));
    p.put("controller.quorum.voters", voters != null ? voters : nodeId + "@127.0.0.1:" + controllerPort);
    p.put("listeners", client + "://127.0.0.1:" + brokerPort + "," + CONTROLLER_LISTENER + "://127.0.0.1:" + controllerPort);
    p.put("advertised.listeners", client + "://127.0.0.1:" + brokerPort);
    p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
    p.put("controller.listener.names", CONTROLLER_LISTENER);
    p.put("inter.broker.listener.name", client);
    p.put("log.dirs", dataDirectory.toString());
    p.put("num.partitions", "1");
    p.put("auto.create.topics.enable", "true");
    // A single node can only hold one replica of the internal topics; a cluster keeps as many as it is told.
    String rf = String.valueOf(replicationFactor);
    String isr = String.valueOf(minInSyncReplicas);
    p.put("offsets.topic.replication.factor", rf);
    p.put("offsets.topic.num.partitions", "5");
    p.put("transaction.state.log.replication.factor", rf);
    p.put("transaction.state.log.min.isr", isr);
    p.put("transaction.state.log.num.partitions", "5");
    p.put("share.coordinator.state.topic.replication.factor", rf);
    p.put("share.coordinator.state.topic.min.isr", isr);
    p.put("default.replication.factor", rf);
    p.put("min.insync.replicas", isr);
    p.put("group.initial.rebalance.delay.ms", "0");
    p.put("log.segment.bytes", String.valueOf(16 * 1024 * 1024));
    // Every topic accepts the largest record a service may write (RecordSizes.MAX_RECORD_BYTES in the contract).
    p.put("message.max.bytes", String.valueOf(MAX_MESSAGE_BYTES));
    p.put("replica.fetch.max.bytes", String.valueOf(MAX_MESSAGE_BYTES));
    if (security != null) {
      p.putAll(security.brokerProperties(client, CONTROLLER_LISTENER));
    }
    p.putAll(overrides);
    Properties props = new Properties();
    props.putAll(p);
    return props;
  }

  private void format(KafkaConfig config) {
    if (Files.exists(dataDirectory.resolve("meta.properties"))) {
      // Formatted by an earlier run: reuse it as it is, which is how data survives restarts.
      return;
    }
    try {
      new Formatter()
          .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
          .setClusterId(clusterId != null ? clusterId : Uuid.randomUuid().toString())
          .setNodeId(nodeId)
          .setControllerListenerName(CONTROLLER_LISTENER)
          .setMetadataLogDirectory(config.metadataLogDir())
          .setDirectories(config.logDirs())
          .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
          .run();
    } catch (Exception e) {
      throw new IllegalStateException("Could not format Kafka log directory " + dataDirectory, e);
    }
  }

  private void awaitReady(Duration timeout) {
    awaitLogin(ADMIN, timeout);
  }

  /** Waits until the user can log in and describe the cluster. */
  private void awaitLogin(String user, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    try (Admin admin = admin(user)) {
      while (true) {
        try {
          if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
            return;
          }
        } catch (Exception e) {
          if (Instant.now().isAfter(deadline)) {
            throw new IllegalStateException("Kafka broker did not let " + user + " in within " + timeout, e);
          }
        }
        sleep(100);
      }
    }
  }

  private Admin admin(String user) {
    Properties props = new Properties();
    props.putAll(clientProperties(user));
    props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000");
    return Admin.create(props);
  }

  /** Users, ACLs and topics, set by the administrator; then waits until the broker lets the users in. */
  void provision() {
    try (Admin admin = admin(ADMIN)) {
      security.provision(admin);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while securing the broker", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("Could not create the users, ACLs and topics of the secured broker", e);
    }
    for (String user : security.users()) {
      awaitLogin(user, Duration.ofSeconds(30));
    }
  }

  private SaslSecurity requireSecurity() {
    if (security == null) {
      throw new IllegalStateException("This broker is not secured: clients connect in PLAINTEXT without a login");
    }
    return security;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for the broker", e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    }
  }

  static void deleteRecursively(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      log.warn("Could not delete {}", root, e);
    }
  }

  /** Options of an {@link EmbeddedKafkaBroker}; every one has a default. */
  public static final class Builder {
    private Path dataDirectory;
    private int brokerPort;
    private int controllerPort;
    private final Map<String, String> overrides = new LinkedHashMap<>();
    private AclList acls;
    private String adminPassword;
    private final Map<String, String> passwords = new LinkedHashMap<>();
    private int nodeId = DEFAULT_NODE_ID;
    private String voters;
    private String clusterId;
    private int replicationFactor = 1;
    private int minInSyncReplicas = 1;

    /**
     * A node of a cluster: its id, every controller of the cluster ({@code id@host:port,…}) and the cluster's id
     * (the same on every node, given to the formatter). Default: node 1, alone.
     */
    public Builder node(int id, String quorumVoters, String cluster) {
      this.nodeId = id;
      this.voters = quorumVoters;
      this.clusterId = cluster;
      return this;
    }

    /** Replicas of internal and auto-created topics and their minimum in sync. Default: 1 and 1. */
    public Builder replication(int factor, int minInSync) {
      this.replicationFactor = factor;
      this.minInSyncReplicas = minInSync;
      return this;
    }

    /** Where the log lives; kept across restarts. Default: a temporary directory, deleted on close. */
    public Builder dataDirectory(Path directory) {
      this.dataDirectory = directory;
      return this;
    }

    /** The client port; 0 (the default) picks a free one. */
    public Builder brokerPort(int port) {
      this.brokerPort = port;
      return this;
    }

    /** The KRaft controller port; 0 (the default) picks a free one. */
    public Builder controllerPort(int port) {
      this.controllerPort = port;
      return this;
    }

    /**
     * Secures the broker with the ACLs of {@code deploy/kafka/acls.tsv} ({@link AclList#load()}): clients log in
     * with SASL/SCRAM-SHA-512, each user of the list with a generated password ({@link EmbeddedKafkaBroker#password(String)}).
     */
    public Builder sasl() {
      return sasl(AclList.load());
    }

    /** Secures the broker with these ACLs; an empty list denies every user but the administrator everything. */
    public Builder sasl(AclList acls) {
      this.acls = acls;
      return this;
    }

    /** The administrator's password on a secured broker. Default: generated at each start. */
    public Builder adminPassword(String password) {
      this.adminPassword = password;
      return this;
    }

    /** A user's SCRAM password on a secured broker (also a user the ACL list does not name). Default: generated. */
    public Builder userPassword(String user, String password) {
      this.passwords.put(user, password);
      return this;
    }

    /** Any broker configuration, applied last. */
    public Builder brokerProperty(String name, String value) {
      overrides.put(name, value);
      return this;
    }

    public EmbeddedKafkaBroker build() {
      return new EmbeddedKafkaBroker(this);
    }

    public EmbeddedKafkaBroker start() {
      return build().start();
    }
  }
}
