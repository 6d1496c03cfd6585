package io.pathtrack.guard.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import javax.security.auth.login.AppConfigurationEntry;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.types.Password;
import org.apache.kafka.common.security.JaasContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.mock.env.MockEnvironment;

/** One group of settings logs every Kafka client of a service in, and a PLAINTEXT service is left as it was. */
class KafkaClientSecurityTest {
  private static final String SYSTEM_ENVIRONMENT = StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME;

  @Test
  void plaintextByDefaultSetsNothing() {
    MockEnvironment environment = new MockEnvironment().withProperty(KafkaClientSecurity.USERNAME, "results-service");
    int sources = environment.getPropertySources().size();

    new KafkaClientSecurity().postProcessEnvironment(environment, new SpringApplication());

    assertThat(environment.getPropertySources().size()).isEqualTo(sources);
    for (String client : KafkaClientSecurity.CLIENTS) {
      assertThat(environment.getProperty(client + "security.protocol")).isNull();
      assertThat(environment.getProperty(client + "sasl.jaas.config")).isNull();
    }
  }

  @Test
  void saslLogsInBootsClientsTheKafkaBinderAndKafkaStreams() {
    MockEnvironment environment = sasl("SASL_SSL", "results-service", "s3cret")
        // Set elsewhere, e.g. by hand: the service-wide setting wins, so no client is left without a login.
        .withProperty("spring.cloud.stream.kafka.binder.configuration.security.protocol", "PLAINTEXT");

    new KafkaClientSecurity().postProcessEnvironment(environment, new SpringApplication());

    for (String prefix : new String[] {"spring.kafka.properties", "spring.cloud.stream.kafka.binder.configuration",
        "spring.cloud.stream.kafka.streams.binder.configuration"}) {
      Map<String, String> client = Binder.get(environment).bind(prefix, Bindable.mapOf(String.class, String.class)).get();
      assertThat(client).as(prefix)
          .containsEntry("security.protocol", "SASL_SSL")
          .containsEntry("sasl.mechanism", "SCRAM-SHA-512");
      assertThat(login(client.get("sasl.jaas.config")))
          .containsEntry("username", "results-service").containsEntry("password", "s3cret");
    }
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "pa\"ss          | pa\"ss",
      "back\\slash\\  | back\\slash\\",
      "' spaced out ' | ' spaced out '",
      // A ${ that is not a placeholder is written \${, as anywhere in Spring's configuration.
      "dollar\\${brace}\" | dollar${brace}\""})
  void aPasswordReachesKafkaAsItWasGiven(String given, String password) {
    MockEnvironment environment = sasl("SASL_PLAINTEXT", "lis", given);

    new KafkaClientSecurity().postProcessEnvironment(environment, new SpringApplication());

    String jaas = environment.getProperty("spring.cloud.stream.kafka.streams.binder.configuration.sasl.jaas.config");
    assertThat(login(jaas)).containsEntry("password", password);
    String bound = Binder.get(environment).bind("spring.kafka.properties", Bindable.mapOf(String.class, String.class))
        .get().get("sasl.jaas.config");
    assertThat(login(bound)).containsEntry("password", password);
  }

  @Test
  void aMissingPasswordStopsTheServiceNamingTheSettingNotTheLogin() {
    MockEnvironment environment = new MockEnvironment()
        .withProperty(KafkaClientSecurity.PROTOCOL, "SASL_PLAINTEXT")
        .withProperty(KafkaClientSecurity.USERNAME, "notify-service");

    assertThatThrownBy(() -> new KafkaClientSecurity().postProcessEnvironment(environment, new SpringApplication()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("pathtrack.kafka.sasl.password must be set")
        .hasMessageNotContaining("notify-service");
  }

  @ParameterizedTest
  @ValueSource(strings = {"SSL", "sasl_plain", "GSSAPI"})
  void anUnknownProtocolIsRefusedWithoutRepeatingTheLogin(String protocol) {
    MockEnvironment environment = sasl(protocol, "lis", "never-shown");

    assertThatThrownBy(() -> new KafkaClientSecurity().postProcessEnvironment(environment, new SpringApplication()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(KafkaClientSecurity.PROTOCOL)
        .hasMessageNotContaining("never-shown");
  }

  @Test
  void onlyScramMechanismsAreAccepted() {
    MockEnvironment environment = sasl("SASL_SSL", "lis", "never-shown").withProperty(KafkaClientSecurity.MECHANISM, "PLAIN");

    assertThatThrownBy(() -> new KafkaClientSecurity().postProcessEnvironment(environment, new SpringApplication()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(KafkaClientSecurity.MECHANISM)
        .hasMessageNotContaining("never-shown");
  }

  @Test
  void settingsMayComeFromTheEnvironmentVariablesOfADeployment() {
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().replace(SYSTEM_ENVIRONMENT,
        new SystemEnvironmentPropertySource(SYSTEM_ENVIRONMENT, Map.of(
            "PATHTRACK_KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
            "PATHTRACK_KAFKA_SASL_USERNAME", "specimen-service",
            "PATHTRACK_KAFKA_SASL_PASSWORD", "from-a-secret")));

    new KafkaClientSecurity().postProcessEnvironment(environment, new SpringApplication());

    assertThat(environment.getProperty("spring.kafka.properties.security.protocol")).isEqualTo("SASL_SSL");
    assertThat(login(environment.getProperty("spring.kafka.properties.sasl.jaas.config")))
        .containsEntry("username", "specimen-service").containsEntry("password", "from-a-secret");
  }

  @Test
  void saslSslTakesItsTrustStoreFromSpringBootsKafkaSslSettingsForEveryClient() {
    MockEnvironment environment = sasl("SASL_SSL", "notify-service", "s3cret")
        .withProperty("spring.kafka.ssl.trust-store-location", "file:/etc/kafka/truststore.p12")
        .withProperty("spring.kafka.ssl.trust-store-password", "changeit")
        .withProperty("spring.kafka.ssl.trust-store-type", "PKCS12");

    new KafkaClientSecurity().postProcessEnvironment(environment, new SpringApplication());

    // What both binders start from (their merged consumer, producer and streams settings), and so the stream
    // applications' dead-letter producer too.
    KafkaProperties kafka = Binder.get(environment).bind("spring.kafka", KafkaProperties.class).get();
    for (Map<String, Object> client : List.of(kafka.buildConsumerProperties(), kafka.buildProducerProperties(),
        kafka.buildAdminProperties(), kafka.buildStreamsProperties())) {
      assertThat(client)
          .containsEntry("security.protocol", "SASL_SSL")
          .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
          .containsEntry("ssl.truststore.location", "/etc/kafka/truststore.p12")
          .containsEntry("ssl.truststore.type", "PKCS12")
          .containsKey("ssl.truststore.password")
          .containsKey("sasl.jaas.config");
    }
  }

  @Test
  void aTrustStoreGivenAsKafkaPropertiesInTheEnvironmentReachesEveryClientToo() {
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().replace(SYSTEM_ENVIRONMENT,
        new SystemEnvironmentPropertySource(SYSTEM_ENVIRONMENT, Map.of(
            "PATHTRACK_KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
            "PATHTRACK_KAFKA_SASL_USERNAME", "results-service",
            "PATHTRACK_KAFKA_SASL_PASSWORD", "s3cret",
            "SPRING_KAFKA_PROPERTIES_SSL_TRUSTSTORE_LOCATION", "/etc/kafka/truststore.p12",
            "SPRING_KAFKA_PROPERTIES_SSL_TRUSTSTORE_TYPE", "PKCS12")));

    new KafkaClientSecurity().postProcessEnvironment(environment, new SpringApplication());

    Map<String, Object> own = Map.copyOf(Binder.get(environment).bind("spring.kafka.properties",
        Bindable.mapOf(String.class, String.class)).get());
    KafkaProperties kafka = Binder.get(environment).bind("spring.kafka", KafkaProperties.class).get();
    for (Map<String, Object> client : List.of(own, kafka.buildStreamsProperties(), kafka.buildProducerProperties())) {
      assertThat(client)
          .containsEntry("ssl.truststore.location", "/etc/kafka/truststore.p12")
          .containsEntry("ssl.truststore.type", "PKCS12")
          .containsEntry("security.protocol", "SASL_SSL");
    }
  }

  private static MockEnvironment sasl(String protocol, String username, String password) {
    return new MockEnvironment()
        .withProperty(KafkaClientSecurity.PROTOCOL, protocol)
        .withProperty(KafkaClientSecurity.USERNAME, username)
        .withProperty(KafkaClientSecurity.PASSWORD, password);
  }

  /** The login options as Kafka reads them from sasl.jaas.config. */
  private static Map<String, Object> login(String jaasConfig) {
    var entries = JaasContext.loadClientContext(Map.of(SaslConfigs.SASL_JAAS_CONFIG, new Password(jaasConfig)))
        .configurationEntries();
    assertThat(entries).singleElement().satisfies(e -> {
      assertThat(e.getLoginModuleName()).isEqualTo("org.apache.kafka.common.security.scram.ScramLoginModule");
      assertThat(e.getControlFlag()).isEqualTo(AppConfigurationEntry.LoginModuleControlFlag.REQUIRED);
    });
    return Map.copyOf(entries.get(0).getOptions());
  }
}
