package io.pathtrack.kafka.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.apache.kafka.common.Uuid;

/**
 * A real Apache Kafka cluster of several KRaft nodes (each a combined broker and controller), in this JVM, with the
 * same server classes as {@link EmbeddedKafkaBroker}: internal topics and auto-created topics are replicated to
 * {@code min(3, size)} nodes with {@code min.insync.replicas} one less (at least 1), as a production cluster keeps them.
 * A node can be stopped and started again while the others serve; a majority of the nodes must be up for the cluster
 * to serve at all (the controllers' quorum).
 */
public final class EmbeddedKafkaCluster implements EmbeddedKafka {
  /** Where each node listens and keeps its log. */
  public record Node(int id, int brokerPort, int controllerPort, Path dataDirectory) {}

  private final List<Node> nodes;
  private final List<EmbeddedKafkaBroker> brokers = new ArrayList<>();
  private final Path root;
  private final boolean temporary;

  private EmbeddedKafkaCluster(List<Node> nodes, Path root, boolean temporary, AclList acls,
      UnaryOperator<EmbeddedKafkaBroker.Builder> customize) {
    this.nodes = List.copyOf(nodes);
    // One set of passwords for every node: the administrator's is also the nodes' own login to each other.
    SaslSecurity shared = acls == null ? null : new SaslSecurity(acls, null, java.util.Map.of());
    this.root = root;
    this.temporary = temporary;
    String voters = voters(nodes);
    String clusterId = Uuid.randomUuid().toString();
    int replicas = Math.min(3, nodes.size());
    int minInSync = Math.max(1, replicas - 1);
    for (Node node : nodes) {
      EmbeddedKafkaBroker.Builder builder = EmbeddedKafkaBroker.builder()
          .node(node.id(), voters, clusterId)
          .replication(replicas, minInSync)
          .brokerPort(node.brokerPort())
          .controllerPort(node.controllerPort())
          .dataDirectory(node.dataDirectory());
      if (shared != null) {
        builder.sasl(acls).adminPassword(shared.adminPassword());
        shared.users().forEach(user -> builder.userPassword(user, shared.password(user)));
      }
      brokers.add(customize.apply(builder).build());
    }
  }

  /** Starts a cluster of {@code size} nodes in a temporary directory, deleted on close. */
  public static EmbeddedKafkaCluster start(int size) {
    return start(size, null, null, UnaryOperator.identity());
  }

  /**
   * Starts a cluster of {@code size} nodes and waits until every node serves.
   *
   * @param root where the nodes keep their logs ({@code node-1}, …), found again on the next start; null: a
   *     temporary directory
   * @param acls when not null, secured as {@link EmbeddedKafkaBroker.Builder#sasl(AclList)} secures one broker, with
   *     the same passwords on every node
   * @param customize applied to each node's builder (further broker properties)
   */
  public static EmbeddedKafkaCluster start(int size, Path root, AclList acls,
      UnaryOperator<EmbeddedKafkaBroker.Builder> customize) {
    if (size < 1) {
      throw new IllegalArgumentException("a cluster needs at least one node");
    }
    try {
      boolean temporary = root == null;
      Path dir = temporary ? Files.createTempDirectory("embedded-kafka-cluster-") : Files.createDirectories(root);
      List<Node> nodes = new ArrayList<>();
      for (int id = 1; id <= size; id++) {
        nodes.add(new Node(id, freePort(), freePort(), dir.resolve("node-" + id)));
      }
      EmbeddedKafkaCluster cluster = new EmbeddedKafkaCluster(nodes, dir, temporary, acls, customize);
      // A node's start waits for the controllers' quorum, so they start side by side.
      List<Thread> starting = new ArrayList<>();
      List<RuntimeException> failures = java.util.Collections.synchronizedList(new ArrayList<>());
      for (EmbeddedKafkaBroker broker : cluster.brokers) {
        Thread t = new Thread(() -> {
          try {
            broker.startServer();
          } catch (RuntimeException e) {
            failures.add(e);
          }
        }, "kafka-node-" + broker.nodeId() + "-start");
        t.start();
        starting.add(t);
      }
      for (Thread t : starting) {
        t.join(Duration.ofSeconds(120).toMillis());
      }
      if (!failures.isEmpty()) {
        cluster.close();
        throw new IllegalStateException("a Kafka node did not start", failures.get(0));
      }
      cluster.brokers.forEach(b -> b.awaitServing(Duration.ofSeconds(90)));
      if (acls != null) {
        cluster.brokers.get(0).provision();
      }
      return cluster;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting the cluster", e);
    }
  }

  /** {@code controller.quorum.voters} of these nodes. */
  static String voters(List<Node> nodes) {
    return nodes.stream().map(n -> n.id() + "@127.0.0.1:" + n.controllerPort()).collect(Collectors.joining(","));
  }

  /** Every node's client address, for {@code bootstrap.servers}. */
  @Override
  public String bootstrapServers() {
    return nodes.stream().map(n -> "127.0.0.1:" + n.brokerPort()).collect(Collectors.joining(","));
  }

  @Override
  public String securityProtocol() {
    return brokers.get(0).securityProtocol();
  }

  @Override
  public String saslMechanism() {
    return brokers.get(0).saslMechanism();
  }

  @Override
  public String password(String user) {
    return brokers.get(0).password(user);
  }

  @Override
  public java.util.Map<String, Object> clientProperties(String user) {
    java.util.Map<String, Object> p = new java.util.LinkedHashMap<>(brokers.get(0).clientProperties(user));
    p.put(org.apache.kafka.clients.admin.AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    return p;
  }

  public List<Node> nodes() {
    return nodes;
  }

  /** Stops one node (by id, from 1); its log stays for {@link #startNode(int)}. */
  public void stopNode(int id) {
    brokers.get(id - 1).stop();
  }

  /** Starts a stopped node again and waits until it serves. */
  public void startNode(int id) {
    EmbeddedKafkaBroker broker = brokers.get(id - 1);
    broker.startServer();
    broker.awaitServing(Duration.ofSeconds(90));
  }

  public boolean isRunning(int id) {
    return brokers.get(id - 1).isRunning();
  }

  @Override
  public void close() {
    // Side by side: a node stopped last, alone, would wait minutes for a quorum to approve its controlled shutdown.
    List<Thread> stopping = new ArrayList<>();
    for (EmbeddedKafkaBroker broker : brokers) {
      Thread t = new Thread(broker::stop, "kafka-node-" + broker.nodeId() + "-stop");
      t.start();
      stopping.add(t);
    }
    boolean stopped = true;
    for (Thread t : stopping) {
      try {
        t.join(Duration.ofSeconds(60).toMillis());
        stopped &= !t.isAlive();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        stopped = false;
        break;
      }
    }
    // a node still stopping must not find its log directory gone (Kafka halts the JVM on a failed log directory)
    if (temporary && stopped) {
      EmbeddedKafkaBroker.deleteRecursively(root);
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    }
  }
}
