package io.pathtrack.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One service in a process of its own, started from this JVM's class path with its own ports and state directory,
 * which {@link #kill()} ends as a crash does ({@code destroyForcibly}: no shutdown hook, no commit, no flush) and
 * {@link #start()} brings back on the same state.
 */
final class ServiceProcess implements AutoCloseable {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final String name;
  private final String mainClass;
  private final Path log;
  private final int port;
  private final int managementPort;
  private final List<String> arguments = new ArrayList<>();
  private Process process;
  private int starts;

  /**
   * @param properties the service's settings ({@code name → value}), given as command-line arguments; the ports and
   *     {@code <PREFIX>_STATE_DIR} are added here
   */
  ServiceProcess(String name, String mainClass, String statePrefix, Path directory, Map<String, Object> properties) {
    this.name = name;
    this.mainClass = mainClass;
    this.log = directory.resolve(name + ".log");
    this.port = freePort();
    this.managementPort = freePort();
    properties.forEach((k, v) -> arguments.add("--" + k + "=" + v));
    arguments.add("--server.port=" + port);
    arguments.add("--management.server.port=" + managementPort);
    arguments.add("--" + statePrefix + "_STATE_DIR=" + directory.resolve("state-" + name));
  }

  String name() {
    return name;
  }

  /**
   * One of several instances of {@code service}: advertises its address to the others, reads what they hold with the
   * service's own client, keeps a standby replica of their state. Before {@link #start()}.
   */
  ServiceProcess asInstanceOf(String service) {
    arguments.add("--pathtrack.instances.advertised-address=127.0.0.1:" + port);
    arguments.add("--pathtrack.instances.client-id=" + service);
    arguments.add("--pathtrack.instances.client-secret=" + service + "-secret");
    arguments.add("--spring.cloud.stream.kafka.streams.binder.configuration.num.standby.replicas=1");
    return this;
  }

  int port() {
    return port;
  }

  /** Starts the process (again); {@link #awaitReady(Duration)} waits until it serves. */
  synchronized ServiceProcess start() {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java, "-Xms128m", "-Xmx448m", "-XX:+UseSerialGC",
        "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), mainClass));
    command.addAll(arguments);
    try {
      starts++;
      Files.writeString(log, "=== start " + starts + " at " + Instant.now() + "\n",
          StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      process = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** Kills the process at once, as a crash or an OOM kill would. */
  synchronized void kill() {
    if (process != null) {
      process.destroyForcibly();
      try {
        process.waitFor(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      process = null;
    }
  }

  /** The process's Prometheus metrics now (since its last start); empty when it does not answer. */
  String metrics() {
    try {
      return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/actuator/prometheus"))
          .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()).body();
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }

  /** Waits until the readiness probe answers 200 (streams running, broker reachable, consumers up). */
  void awaitReady(Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    HttpRequest probe = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort
        + "/actuator/health/readiness")).timeout(Duration.ofSeconds(2)).build();
    while (Instant.now().isBefore(deadline)) {
      Process p = process;
      if (p != null && !p.isAlive()) {
        throw new IllegalStateException(name + " exited with " + p.exitValue() + "; see " + log);
      }
      try {
        if (HTTP.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      sleep(250);
    }
    throw new IllegalStateException(name + " was not ready within " + timeout + "; see " + log);
  }

  @Override
  public void close() {
    Process p = process;
    if (p != null) {
      p.destroy();
      try {
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
          p.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      process = null;
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
