package io.pathtrack.kafka.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The secured mode of the in-process broker: SASL logins, the ACL list applied, and both again after a restart. */
class SecuredBrokerTest {
  private static final AclList WRITER_ONLY = AclList.parse("""
      # a writer and a stranger
      User:writer\tTOPIC\tLITERAL\tevents\tWRITE,DESCRIBE
      User:stranger\tTOPIC\tLITERAL\tother\tREAD
      """);

  @Test
  void usersOfTheListLogInAndMayDoOnlyWhatItGrants(@TempDir Path dir) throws Exception {
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().dataDirectory(dir.resolve("kafka"))
        .sasl(WRITER_ONLY).start()) {
      assertThat(broker.securityProtocol()).isEqualTo("SASL_PLAINTEXT");
      send(broker.clientProperties("writer"), "events");
      assertThatThrownBy(() -> send(broker.clientProperties("stranger"), "events"))
          .hasRootCauseInstanceOf(TopicAuthorizationException.class);
      Map<String, Object> wrongPassword = new HashMap<>(broker.clientProperties("writer"));
      wrongPassword.put("sasl.jaas.config",
          "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"writer\" password=\"guess\";");
      assertThatThrownBy(() -> send(wrongPassword, "events")).hasRootCauseInstanceOf(SaslAuthenticationException.class);
    }
  }

  @Test
  void aRestartOnTheSameDataDirectoryGivesNewPasswordsAndOnlyTheListsAcls(@TempDir Path dir) throws Exception {
    Path data = dir.resolve("kafka");
    String firstPassword;
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().dataDirectory(data).sasl(WRITER_ONLY).start()) {
      firstPassword = broker.password("writer");
      send(broker.clientProperties("writer"), "events");
    }
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().dataDirectory(data)
        .sasl(AclList.parse("User:stranger\tTOPIC\tLITERAL\tother\tREAD")).userPassword("writer", "chosen").start()) {
      assertThat(broker.password("writer")).isEqualTo("chosen").isNotEqualTo(firstPassword);
      // The writer still logs in, but its grant is gone with its line.
      assertThatThrownBy(() -> send(broker.clientProperties("writer"), "events"))
          .hasRootCauseInstanceOf(TopicAuthorizationException.class);
      try (Admin admin = Admin.create(broker.clientProperties(EmbeddedKafkaBroker.ADMIN))) {
        assertThat(admin.describeAcls(AclBindingFilter.ANY).values().get(30, TimeUnit.SECONDS)).hasSize(1);
      }
    }
  }

  @Test
  void aPlaintextBrokerHasNoLogins() {
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().start()) {
      assertThat(broker.secured()).isFalse();
      assertThat(broker.clientProperties("anyone")).containsOnlyKeys("bootstrap.servers");
      assertThatThrownBy(() -> broker.password("anyone")).isInstanceOf(IllegalStateException.class);
    }
  }

  private static void send(Map<String, Object> client, String topic) throws Exception {
    Map<String, Object> config = new HashMap<>(client);
    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
    try (var producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
      producer.send(new ProducerRecord<>(topic, "k", "v")).get(30, TimeUnit.SECONDS);
    }
  }
}
