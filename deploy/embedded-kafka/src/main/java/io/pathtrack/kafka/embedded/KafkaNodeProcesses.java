package io.pathtrack.kafka.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.Uuid;

/**
 * A real Kafka cluster whose nodes each run in a process of their own ({@link #main(String[])}: the same
 * {@link EmbeddedKafkaBroker}), so that a node can be killed as a machine dies ({@link #kill(int)}:
 * {@code destroyForcibly}, no controlled shutdown, nothing flushed) and started again on its log. Replication as in
 * {@link EmbeddedKafkaCluster}. PLAINTEXT on loopback.
 */
public final class KafkaNodeProcesses implements AutoCloseable {
  private final List<EmbeddedKafkaCluster.Node> nodes;
  private final String voters;
  private final String clusterId = Uuid.randomUuid().toString();
  private final Path root;
  private final Process[] processes;

  private KafkaNodeProcesses(List<EmbeddedKafkaCluster.Node> nodes, Path root) {
    this.nodes = nodes;
    this.root = root;
    this.voters = EmbeddedKafkaCluster.voters(nodes);
    this.processes = new Process[nodes.size()];
  }

  /** Starts {@code size} node processes with their logs under {@code root} and waits until all serve. */
  public static KafkaNodeProcesses start(int size, Path root) {
    try {
      List<EmbeddedKafkaCluster.Node> nodes = new ArrayList<>();
      for (int id = 1; id <= size; id++) {
        nodes.add(new EmbeddedKafkaCluster.Node(id, EmbeddedKafkaCluster.freePort(), EmbeddedKafkaCluster.freePort(),
            Files.createDirectories(root.resolve("node-" + id))));
      }
      KafkaNodeProcesses cluster = new KafkaNodeProcesses(nodes, root);
      for (int id = 1; id <= size; id++) {
        cluster.launch(id);
      }
      cluster.awaitServing(size, Duration.ofSeconds(120));
      return cluster;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String bootstrapServers() {
    return nodes.stream().map(n -> "127.0.0.1:" + n.brokerPort()).collect(Collectors.joining(","));
  }

  /** Kills a node's process at once (as a machine that loses power); its log stays. */
  public void kill(int id) {
    Process p = processes[id - 1];
    if (p != null) {
      p.destroyForcibly();
      try {
        p.waitFor(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      processes[id - 1] = null;
    }
  }

  /**
   * Starts a killed node again on its log and waits until it serves clients itself (the cluster may list a killed
   * broker for a while after its death, so the cluster's view alone would not tell).
   */
  public void restart(int id) {
    launch(id);
    awaitNode(id, Duration.ofSeconds(120));
    awaitServing(nodes.size(), Duration.ofSeconds(120));
  }

  private void awaitNode(int id, Duration timeout) {
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + nodes.get(id - 1).brokerPort());
    p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
    p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
    Instant deadline = Instant.now().plus(timeout);
    try (Admin admin = Admin.create(p)) {
      while (true) {
        try {
          if (admin.describeCluster().controller().get(5, TimeUnit.SECONDS) != null) {
            return;
          }
        } catch (Exception notYet) {
          // not serving yet
        }
        Process process = processes[id - 1];
        if (process == null || !process.isAlive()) {
          throw new IllegalStateException("Kafka node " + id + " is not running; see " + root.resolve("node-" + id + ".log"));
        }
        if (Instant.now().isAfter(deadline)) {
          throw new IllegalStateException("Kafka node " + id + " did not serve within " + timeout);
        }
        try {
          Thread.sleep(200);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(e);
        }
      }
    }
  }

  /** The node that leads the controllers' quorum now. */
  public int activeController() {
    try (Admin admin = admin()) {
      return admin.describeMetadataQuorum().quorumInfo().get(30, TimeUnit.SECONDS).leaderId();
    } catch (Exception e) {
      throw new IllegalStateException("the controllers' quorum could not be described", e);
    }
  }

  public boolean isAlive(int id) {
    Process p = processes[id - 1];
    return p != null && p.isAlive();
  }

  @Override
  public void close() {
    for (int id = 1; id <= nodes.size(); id++) {
      kill(id);
    }
  }

  private void launch(int id) {
    EmbeddedKafkaCluster.Node node = nodes.get(id - 1);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder = new ProcessBuilder(java, "-Xms128m", "-Xmx384m", "-XX:+UseSerialGC",
        "-cp", System.getProperty("java.class.path"), KafkaNodeProcesses.class.getName(),
        String.valueOf(id), String.valueOf(node.brokerPort()), String.valueOf(node.controllerPort()),
        node.dataDirectory().toString(), voters, clusterId, String.valueOf(Math.min(3, nodes.size())))
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(root.resolve("node-" + id + ".log").toFile()));
    try {
      processes[id - 1] = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Admin admin() {
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
    p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
    return Admin.create(p);
  }

  /** Waits until the cluster lists {@code count} brokers. */
  private void awaitServing(int count, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    try (Admin admin = admin()) {
      while (true) {
        try {
          List<Node> live = new ArrayList<>(admin.describeCluster().nodes().get(5, TimeUnit.SECONDS));
          if (live.size() >= count) {
            return;
          }
        } catch (Exception notYet) {
          // not serving yet
        }
        for (int i = 0; i < processes.length; i++) {
          if (processes[i] != null && !processes[i].isAlive()) {
            throw new IllegalStateException("Kafka node " + (i + 1) + " exited with " + processes[i].exitValue()
                + "; see " + root.resolve("node-" + (i + 1) + ".log"));
          }
        }
        if (Instant.now().isAfter(deadline)) {
          throw new IllegalStateException("the cluster did not list " + count + " brokers within " + timeout
              + "; see the node logs in " + root);
        }
        try {
          Thread.sleep(200);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(e);
        }
      }
    }
  }

  /** One node: {@code id brokerPort controllerPort dataDirectory voters clusterId replicas}; runs until killed. */
  public static void main(String[] args) throws InterruptedException {
    int replicas = Integer.parseInt(args[6]);
    EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder()
        .node(Integer.parseInt(args[0]), args[4], args[5])
        .replication(replicas, Math.max(1, replicas - 1))
        .brokerPort(Integer.parseInt(args[1]))
        .controllerPort(Integer.parseInt(args[2]))
        .dataDirectory(Path.of(args[3]))
        .build();
    Runtime.getRuntime().addShutdownHook(new Thread(broker::stop, "kafka-node-stop"));
    broker.startServer();
    new java.util.concurrent.CountDownLatch(1).await();
  }
}
