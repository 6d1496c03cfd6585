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

  private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();
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

  private PathTrackServices(Settings settings) {
    // specimen-service first: it owns the specimen topic the other two read.
    Map<String, Object> specimenOwn = new LinkedHashMap<>();
    specimenOwn.put("SPECIMEN_STATE_DIR", settings.stateDirectory().resolve("specimen-service").toString());
    if (settings.notifyPort() > 0) {
      // A specimen's page links to its notifications on the physician's pages.
      specimenOwn.put("pathtrack.specimen.notify-pages-url", "http://localhost:" + settings.notifyPort() + "/ui/notifications");
    }
    specimen = start(SPECIMEN, SpecimenServiceApplication.builder(), settings, settings.specimenPort(), specimenOwn);
    notify = start(NOTIFY, NotifyServiceApplication.builder(), settings, settings.notifyPort(),
        Map.of("NOTIFY_STATE_DIR", settings.stateDirectory().resolve("notify-service").toString(),
            "spring.mail.host", settings.smtpHost(),
            "spring.mail.port", settings.smtpPort()));
    results = start(RESULTS, ResultsServiceApplication.builder(), settings, settings.resultsPort(),
        Map.of("RESULTS_STATE_DIR", settings.stateDirectory().resolve("results-service").toString()));
  }

  public static PathTrackServices start(Settings settings) {
    return new PathTrackServices(settings);
  }

  private ConfigurableApplicationContext start(String name, SpringApplicationBuilder builder, Settings settings, int port,
      Map<String, Object> own) {
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
