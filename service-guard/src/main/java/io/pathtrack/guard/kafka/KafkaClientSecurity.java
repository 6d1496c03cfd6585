package io.pathtrack.guard.kafka;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Logs every Kafka client of a service in to the cluster as the service's own principal, from one group of settings:
 *
 * <ul>
 *   <li>{@code pathtrack.kafka.security-protocol}: {@code PLAINTEXT} (the default: nothing is set),
 *       {@code SASL_PLAINTEXT} or {@code SASL_SSL};
 *   <li>{@code pathtrack.kafka.sasl.mechanism}: {@code SCRAM-SHA-512} (the default) or {@code SCRAM-SHA-256};
 *   <li>{@code pathtrack.kafka.sasl.username} and {@code pathtrack.kafka.sasl.password}: the principal's login.
 * </ul>
 *
 * <p>The protocol, mechanism and a {@code ScramLoginModule} login are set for Spring Boot's Kafka clients
 * ({@code spring.kafka.properties.*}, from which both binders also start), the Kafka binder's producers, consumers
 * and admin ({@code spring.cloud.stream.kafka.binder.configuration.*}), and Kafka Streams
 * ({@code spring.cloud.stream.kafka.streams.binder.configuration.*}), whose settings the stream applications'
 * dead-letter producer copies. They outrank every other property source: once a service is told to log in, none
 * of its clients connects without. Trust stores for SASL_SSL are Spring Boot's {@code spring.kafka.ssl.*}.
 *
 * <p>The password goes only into {@code sasl.jaas.config}, a setting Kafka never logs and Spring Boot's actuator
 * masks; it is never logged here, and a setting that is missing or wrong is named without its value.
 */
public final class KafkaClientSecurity implements EnvironmentPostProcessor {
  static final String SOURCE = "pathtrack-kafka-security";
  static final String PROTOCOL = "pathtrack.kafka.security-protocol";
  static final String MECHANISM = "pathtrack.kafka.sasl.mechanism";
  static final String USERNAME = "pathtrack.kafka.sasl.username";
  static final String PASSWORD = "pathtrack.kafka.sasl.password";

  /** The configuration prefixes of every kind of Kafka client a service makes. */
  static final List<String> CLIENTS = List.of(
      "spring.kafka.properties.",
      "spring.cloud.stream.kafka.binder.configuration.",
      "spring.cloud.stream.kafka.streams.binder.configuration.");

  private static final Set<String> SASL_PROTOCOLS = Set.of("SASL_PLAINTEXT", "SASL_SSL");
  private static final Set<String> MECHANISMS = Set.of("SCRAM-SHA-512", "SCRAM-SHA-256");

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    String protocol = environment.getProperty(PROTOCOL, "PLAINTEXT").strip().toUpperCase(Locale.ROOT);
    if (protocol.equals("PLAINTEXT")) {
      return;
    }
    if (!SASL_PROTOCOLS.contains(protocol)) {
      throw new IllegalStateException(PROTOCOL + " must be PLAINTEXT, SASL_PLAINTEXT or SASL_SSL, not " + protocol);
    }
    String mechanism = environment.getProperty(MECHANISM, "SCRAM-SHA-512").strip().toUpperCase(Locale.ROOT);
    if (!MECHANISMS.contains(mechanism)) {
      throw new IllegalStateException(MECHANISM + " must be SCRAM-SHA-512 or SCRAM-SHA-256, not " + mechanism);
    }
    String login = "org.apache.kafka.common.security.scram.ScramLoginModule required username="
        + jaasQuoted(required(environment, USERNAME, protocol)) + " password="
        + jaasQuoted(required(environment, PASSWORD, protocol)) + ";";
    Map<String, Object> p = new LinkedHashMap<>();
    for (String client : CLIENTS) {
      p.put(client + "security.protocol", protocol);
      p.put(client + "sasl.mechanism", mechanism);
      p.put(client + "sasl.jaas.config", literal(login));
    }
    environment.getPropertySources().addFirst(new MapPropertySource(SOURCE, p));
  }

  private static String required(ConfigurableEnvironment environment, String name, String protocol) {
    String value = environment.getProperty(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(name + " must be set when " + PROTOCOL + " is " + protocol);
    }
    return value;
  }

  /** A JAAS option value: in quotes, with quotes and backslashes escaped (Kafka's JaasConfig reads it so). */
  static String jaasQuoted(String value) {
    return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  /** The value as it is: a {@code ${} in a password is not a placeholder to resolve once more. */
  private static String literal(String value) {
    return value.replace("${", "\\${");
  }
}
