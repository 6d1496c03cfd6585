package io.pathtrack.testsupport;

import io.pathtrack.kafka.embedded.EmbeddedKafkaBroker;
import java.util.Locale;
import java.util.Map;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The Kafka broker of a test JVM, started once and shared by every test class in it: Testcontainers'
 * Apache Kafka when a Docker engine answers, otherwise the in-process KRaft broker. Both are real
 * brokers. {@code PATHTRACK_TEST_KAFKA=embedded|container} forces one.
 *
 * <p>{@link #secured()} is a second, in-process broker that lets in only the users of {@code deploy/kafka/acls.tsv}
 * (SASL/SCRAM) and lets them do only what it grants; {@link KafkaProbe} reaches it as its administrator.
 */
public final class TestKafka {
  private static final String IMAGE = "apache/kafka:4.1.1";
  private static String bootstrapServers;
  private static EmbeddedKafkaBroker secured;

  private TestKafka() {}

  public static synchronized String bootstrapServers() {
    if (bootstrapServers == null) {
      bootstrapServers = useContainer() ? startContainer() : startEmbedded();
    }
    return bootstrapServers;
  }

  /** The secured broker of this JVM, started on first use: SASL/SCRAM-SHA-512 logins and the ACL list. */
  public static synchronized EmbeddedKafkaBroker secured() {
    if (secured == null) {
      secured = EmbeddedKafkaBroker.builder().sasl().start();
      Runtime.getRuntime().addShutdownHook(new Thread(secured::close, "test-kafka-secured-stop"));
    }
    return secured;
  }

  /**
   * What a test client adds to reach the broker at these bootstrap servers as its administrator: the login on the
   * {@link #secured()} broker, nothing on the others.
   */
  public static synchronized Map<String, Object> administrator(String bootstrap) {
    if (secured != null && secured.bootstrapServers().equals(bootstrap)) {
      return secured.clientProperties(EmbeddedKafkaBroker.ADMIN);
    }
    return Map.of();
  }

  private static boolean useContainer() {
    String forced = System.getenv().getOrDefault("PATHTRACK_TEST_KAFKA", "").toLowerCase(Locale.ROOT);
    if (forced.equals("embedded")) {
      return false;
    }
    if (forced.equals("container")) {
      return true;
    }
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }

  private static String startContainer() {
    KafkaContainer kafka = new KafkaContainer(IMAGE);
    kafka.start();
    Runtime.getRuntime().addShutdownHook(new Thread(kafka::stop, "test-kafka-stop"));
    return kafka.getBootstrapServers();
  }

  private static String startEmbedded() {
    EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().start();
    Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "test-kafka-stop"));
    return broker.bootstrapServers();
  }
}
