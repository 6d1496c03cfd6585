package io.pathtrack.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pathtrack.contract.Topics;
import io.pathtrack.kafka.embedded.EmbeddedKafkaBroker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The ACLs of {@code deploy/kafka/acls.tsv} on a real secured broker: each principal may write and read its own
 * topics, and is refused the others'; a wrong password is refused before anything is asked.
 */
class KafkaAclTest {
  private static EmbeddedKafkaBroker kafka;

  @BeforeAll
  static void startBroker() {
    kafka = EmbeddedKafkaBroker.builder().sasl().start();
  }

  @AfterAll
  static void stopBroker() {
    if (kafka != null) {
      kafka.close();
    }
  }

  @ParameterizedTest(name = "{0} may write {1}")
  @CsvSource({
      "results-service,  pathology.reports.inbound",
      "results-service,  pathology.reports.classified",
      "results-service,  pathology.reports.inbound.dlq",
      "specimen-service, pathology.specimens",
      "specimen-service, pathology.sla.events",
      "notify-service,   pathology.notifications",
      "notify-service,   pathology.notifications.acks",
      "results-service,  pathology.audit",
      "specimen-service, pathology.audit",
      "notify-service,   pathology.audit",
      "lis,              pathology.reports.inbound"})
  void aPrincipalWritesItsOwnTopics(String user, String topic) throws Exception {
    write(user, topic, "ACL-" + user);

    assertThat(readAsAdministrator(topic)).extracting(ConsumerRecord::key).contains("ACL-" + user);
  }

  @ParameterizedTest(name = "{0} may not write {1}")
  @CsvSource({
      "notify-service,   pathology.reports.classified",
      "notify-service,   pathology.specimens",
      "specimen-service, pathology.reports.classified",
      "specimen-service, pathology.notifications",
      "results-service,  pathology.specimens",
      "results-service,  pathology.notifications.acks",
      "lis,              pathology.reports.classified",
      "lis,              pathology.audit",
      "lis,              pathology.reports.inbound.dlq"})
  void aPrincipalMayNotWriteAnotherServicesTopic(String user, String topic) {
    assertThatThrownBy(() -> write(user, topic, "FORGED"))
        .hasRootCauseInstanceOf(TopicAuthorizationException.class);
  }

  @Test
  void theLisMayNotReadWhatItWrote() throws Exception {
    write("lis", Topics.REPORTS_INBOUND.name(), "LIS-OWN");

    assertThatThrownBy(() -> read("lis", Topics.REPORTS_INBOUND.name())).isInstanceOf(TopicAuthorizationException.class);
  }

  @ParameterizedTest(name = "{0} may read {1}")
  @CsvSource({
      "results-service,  pathology.reports.inbound",
      "specimen-service, pathology.reports.classified",
      "notify-service,   pathology.reports.classified",
      "notify-service,   pathology.sla.events",
      "notify-service,   pathology.audit"})
  void aServiceReadsWhatItConsumes(String user, String topic) throws Exception {
    write(EmbeddedKafkaBroker.ADMIN, topic, "FOR-" + user);

    assertThat(read(user, topic)).extracting(ConsumerRecord::key).contains("FOR-" + user);
  }

  @ParameterizedTest(name = "{0} may not read {1}")
  @CsvSource({
      "specimen-service, pathology.reports.inbound",
      "notify-service,   pathology.reports.inbound.dlq",
      "results-service,  pathology.notifications",
      "specimen-service, pathology.audit"})
  void aServiceMayNotReadWhatItHasNoNeedFor(String user, String topic) {
    assertThatThrownBy(() -> read(user, topic)).isInstanceOf(TopicAuthorizationException.class);
  }

  @Test
  void aServiceJoinsOnlyItsOwnConsumerGroups() {
    assertThatThrownBy(() -> readInGroup("notify-service", Topics.REPORTS_CLASSIFIED.name(), "specimen-service-lifecycle"))
        .isInstanceOf(GroupAuthorizationException.class);
    readInGroup("specimen-service", Topics.REPORTS_CLASSIFIED.name(), "specimen-service-lifecycle");
  }

  @Test
  void aWrongPasswordIsRefused() {
    Map<String, Object> client = new HashMap<>(kafka.clientProperties("results-service"));
    client.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required "
        + "username=\"results-service\" password=\"" + kafka.password("notify-service") + "\";");

    assertThatThrownBy(() -> write(client, Topics.REPORTS_CLASSIFIED.name(), "FORGED"))
        .hasRootCauseInstanceOf(SaslAuthenticationException.class);
  }

  @Test
  void anUnknownUserIsRefused() {
    Map<String, Object> client = new HashMap<>(kafka.clientProperties("lis"));
    client.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required "
        + "username=\"lab-2\" password=\"" + kafka.password("lis") + "\";");

    assertThatThrownBy(() -> write(client, Topics.REPORTS_INBOUND.name(), "FORGED"))
        .hasRootCauseInstanceOf(SaslAuthenticationException.class);
  }

  private static void write(String user, String topic, String key) throws Exception {
    write(kafka.clientProperties(user), topic, key);
  }

  private static void write(Map<String, Object> client, String topic, String key) throws Exception {
    Map<String, Object> config = new HashMap<>(client);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000);
    try (var producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
      producer.send(new ProducerRecord<>(topic, key, "{}")).get(30, TimeUnit.SECONDS);
    }
  }

  private static List<ConsumerRecord<String, String>> readAsAdministrator(String topic) {
    return read(EmbeddedKafkaBroker.ADMIN, topic);
  }

  /** Everything on the topic's first partition, read without a group (no group grant involved). */
  private static List<ConsumerRecord<String, String>> read(String user, String topic) {
    Map<String, Object> config = new HashMap<>(kafka.clientProperties(user));
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    List<ConsumerRecord<String, String>> records = new ArrayList<>();
    try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
      TopicPartition partition = new TopicPartition(topic, 0);
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      long end = consumer.endOffsets(List.of(partition)).get(partition);
      long deadline = System.currentTimeMillis() + 15_000;
      do {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      } while (consumer.position(partition) < end && System.currentTimeMillis() < deadline);
    }
    return records;
  }

  /** Joins the group and polls once: the group and the topic must both be granted. */
  private static void readInGroup(String user, String topic, String group) {
    Map<String, Object> config = new HashMap<>(kafka.clientProperties(user));
    config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(topic));
      consumer.poll(Duration.ofSeconds(3));
    }
  }
}
