package io.pathtrack.local;

import io.pathtrack.notify.NotifyServiceApplication;
import io.pathtrack.results.ResultsServiceApplication;
import io.pathtrack.specimen.SpecimenServiceApplication;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The three services in one JVM, each its own Spring application with its own configuration file,
 * pointed at one Kafka broker and one SMTP server. Used by the local stack and the end-to-end tests.
 */
public final class PathTrackServices implements AutoCloseable {
  /** The services' names: their Spring application names, and their Kafka principals ({@code User:<name>}). */
  public static final String RESULTS = "results-service";
  public static final String SPECIMEN = "specimen-service";
  public static final String NOTIFY = "notify-service";
  private static final List<String> SERVICES = List.of(RESULTS, SPECIMEN, NOTIFY);

  /** Where an extra instance listens: the first instance's port plus this for each (8082, 8182, 8282…). */
  public static final int INSTANCE_PORT_STEP = 100;
  /** The service clients the instances of a service show each other, as the development issuer registers them. */
  private static final Map<String, String> PEER_SCOPES = Map.of(SPECIMEN, "system/Specimen.rs", NOTIFY, "system/DiagnosticReport.rs");

  private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();
  private final Map<String, List<ConfigurableApplicationContext>> instances = new LinkedHashMap<>();
  private final ConfigurableApplicationContext results;
  private final ConfigurableApplicationContext specimen;
  private final ConfigurableApplicationContext notify;

  /**
   * Where the services connect and listen. A port of 0 picks a free one.
   *
   * @param stateDirectory Kafka Streams state of each service lives in a folder of its own under it
   * @param extraProperties given to every service
   * @param serviceProperties given to one service, by its name ({@link #RESULTS}, {@link #SPECIMEN}, {@link #NOTIFY}),
   *     after the extra properties
   */
  public record Settings(
      String kafkaBootstrapServers, String smtpHost, int smtpPort,
      int resultsPort, int specimenPort, int notifyPort, Path stateDirectory,
      Map<String, Object> extraProperties, Map<String, Map<String, Object>> serviceProperties) {

    public Settings {
      for (String service : serviceProperties.keySet()) {
        if (!SERVICES.contains(service)) {
          throw new IllegalArgumentException("No service " + service + "; the services are " + SERVICES);
        }
      }
      serviceProperties = Map.copyOf(serviceProperties);
    }

    /** Every service with the same properties. */
    public Settings(String kafkaBootstrapServers, String smtpHost, int smtpPort, int resultsPort, int specimenPort,
        int notifyPort, Path stateDirectory, Map<String, Object> extraProperties) {
      this(kafkaBootstrapServers, smtpHost, smtpPort, resultsPort, specimenPort, notifyPort, stateDirectory,
          extraProperties, Map.of());
    }

    public Settings withExtra(String name, Object value) {
      Map<String, Object> extra = new LinkedHashMap<>(extraProperties);
      extra.put(name, value);
      return new Settings(kafkaBootstrapServers, smtpHost, smtpPort, resultsPort, specimenPort, notifyPort,
          stateDirectory, extra, serviceProperties);
    }

    /** A property of one service only. */
    public Settings withServiceProperty(String service, String name, Object value) {
      Map<String, Map<String, Object>> all = new LinkedHashMap<>(serviceProperties);
      Map<String, Object> own = new LinkedHashMap<>(all.getOrDefault(service, Map.of()));
      own.put(name, value);
      all.put(service, own);
      return new Settings(kafkaBootstrapServers, smtpHost, smtpPort, resultsPort, specimenPort, notifyPort,
          stateDirectory, extraProperties, all);
    }

    /**
     * Each service logs in to Kafka as its own principal, {@code User:<service name>} (service-guard's
     * {@code pathtrack.kafka.*} settings), with the password {@code passwordOf} gives for its name.
     */
    public Settings withKafkaLogins(String securityProtocol, UnaryOperator<String> passwordOf) {
      Settings settings = this;
      for (String service : SERVICES) {
        settings = settings.withServiceProperty(service, "pathtrack.kafka.security-protocol", securityProtocol)
            .withServiceProperty(service, "pathtrack.kafka.sasl.username", service)
            .withServiceProperty(service, "pathtrack.kafka.sasl.password", passwordOf.apply(service));
      }
      return settings;
    }

    /** Names the properties without their values, which may be passwords. */
    @Override
    public String toString() {
      Map<String, Object> names = new LinkedHashMap<>();
      serviceProperties.forEach((service, p) -> names.put(service, p.keySet()));
      return "Settings[kafka " + kafkaBootstrapServers + ", smtp " + smtpHost + ":" + smtpPort + ", ports " + resultsPort
          + "/" + specimenPort + "/" + notifyPort + ", state in " + stateDirectory + ", properties "
          + extraProperties.keySet() + ", per service " + names + "]";
    }
  }

  private PathTrackServices(Settings settings, int count) {
    if (count < 1) {
      throw new IllegalArgumentException("at least one instance of each service, not " + count);
    }
    // specimen-service first: it owns the specimen topic the other two read.
    Map<String, Object> specimenOwn = new LinkedHashMap<>();
    specimenOwn.put("SPECIMEN_STATE_DIR", settings.stateDirectory().resolve("specimen-service").toString());
    if (settings.notifyPort() > 0) {
      // A specimen's page links to its notifications on the physician's pages.
      specimenOwn.put("pathtrack.specimen.notify-pages-url", "http://localhost:" + settings.notifyPort() + "/ui/notifications");
    }
    specimen = startInstances(SPECIMEN, SpecimenServiceApplication::builder, settings, settings.specimenPort(), specimenOwn,
        "SPECIMEN_STATE_DIR", count);
    notify = startInstances(NOTIFY, NotifyServiceApplication::builder, settings, settings.notifyPort(),
        Map.of("spring.mail.host", settings.smtpHost(), "spring.mail.port", settings.smtpPort()), "NOTIFY_STATE_DIR", count);
    results = startInstances(RESULTS, ResultsServiceApplication::builder, settings, settings.resultsPort(), Map.of(),
        "RESULTS_STATE_DIR", count);
  }

  public static PathTrackServices start(Settings settings) {
    return new PathTrackServices(settings, 1);
  }

  /**
   * Each service as {@code count} instances in this JVM, each with its own ports and Kafka Streams state: the first
   * on the settings' ports, the others {@value #INSTANCE_PORT_STEP} apart (free ones when the settings say 0).
   * Instances of specimen-service and notify-service advertise their address to each other and read what another
   * holds with the service's own client ({@code <service>}/{@code <service>-secret} of the development issuer).
   */
  public static PathTrackServices start(Settings settings, int count) {
    return new PathTrackServices(settings, count);
  }

  private ConfigurableApplicationContext startInstances(String name, java.util.function.Supplier<SpringApplicationBuilder> builder,
      Settings settings, int port, Map<String, Object> own, String stateDirSetting, int count) {
    List<ConfigurableApplicationContext> started = new ArrayList<>();
    instances.put(name, started);
    for (int i = 0; i < count; i++) {
      Map<String, Object> instanceOwn = new LinkedHashMap<>();
      instanceOwn.put(stateDirSetting, settings.stateDirectory().resolve(i == 0 ? name : name + "-" + (i + 1)).toString());
      int instancePort = port;
      if (count > 1) {
        instancePort = port == 0 ? freePort() : port + i * INSTANCE_PORT_STEP;
        // Health and metrics beside it; the services' own files give each a fixed one, which two would share.
        instanceOwn.put("management.server.port", port == 0 ? 0 : instancePort + 1400);
        instanceOwn.put("pathtrack.results.mllp.port", 0);
        if (PEER_SCOPES.containsKey(name)) {
          instanceOwn.put("pathtrack.instances.advertised-address", "127.0.0.1:" + instancePort);
          instanceOwn.put("pathtrack.instances.client-id", name);
          instanceOwn.put("pathtrack.instances.client-secret", name + "-secret");
          instanceOwn.put("spring.cloud.stream.kafka.streams.binder.configuration.num.standby.replicas", 1);
        }
      }
      if (i == 0) {
        // The first instance keeps the MLLP port the settings give it; the others take a free one.
        instanceOwn.remove("pathtrack.results.mllp.port");
      }
      started.add(start(name, builder.get(), settings, instancePort, own, instanceOwn));
    }
    return started.get(0);
  }

  /** Every instance of a service, the first one first. */
  public List<ConfigurableApplicationContext> instances(String service) {
    return List.copyOf(instances.getOrDefault(service, List.of()));
  }

  private static int freePort() {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private ConfigurableApplicationContext start(String name, SpringApplicationBuilder builder, Settings settings, int port,
      Map<String, Object> own, Map<String, Object> instance) {
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("spring.kafka.bootstrap-servers", settings.kafkaBootstrapServers());
    props.put("server.port", port);
    if (port == 0) {
      // A free port for health and metrics too, so that several stacks (tests) can share a machine.
      props.put("management.server.port", 0);
    }
    props.putAll(own);
    props.putAll(settings.extraProperties());
    props.putAll(settings.serviceProperties().getOrDefault(name, Map.of()));
    // What sets one instance apart from the others of its service comes last.
    props.putAll(instance);
    // Properties passed this way outrank the services' own configuration files.
    String[] args = props.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    try {
      ConfigurableApplicationContext context = builder.run(args);
      contexts.add(context);
      return context;
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  public ConfigurableApplicationContext results() {
    return results;
  }

  public ConfigurableApplicationContext specimen() {
    return specimen;
  }

  public ConfigurableApplicationContext notifications() {
    return notify;
  }

  public int resultsPort() {
    return port(results);
  }

  public int specimenPort() {
    return port(specimen);
  }

  public int notifyPort() {
    return port(notify);
  }

  private static int port(ConfigurableApplicationContext context) {
    return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
  }

  /** Stops the services in the reverse order of their start. */
  @Override
  public void close() {
    for (int i = contexts.size() - 1; i >= 0; i--) {
      try {
        contexts.get(i).close();
      } catch (RuntimeException e) {
        System.err.println("Error while stopping a service: " + e.getMessage());
      }
    }
    contexts.clear();
  }
}
