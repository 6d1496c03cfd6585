package io.pathtrack.local;

import static org.apache.kafka.common.acl.AclOperation.CREATE;
import static org.apache.kafka.common.acl.AclOperation.DELETE;
import static org.apache.kafka.common.acl.AclOperation.READ;
import static org.apache.kafka.common.acl.AclOperation.WRITE;
import static org.apache.kafka.common.resource.ResourceType.GROUP;
import static org.apache.kafka.common.resource.ResourceType.TOPIC;
import static org.apache.kafka.common.resource.ResourceType.TRANSACTIONAL_ID;
import static org.assertj.core.api.Assertions.assertThat;

import io.pathtrack.contract.Topics;
import io.pathtrack.kafka.embedded.AclList;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

/**
 * The ACL list says the same as the contract, the cluster's topic script and each service's configuration: a
 * topic, binding, consumer group or stream application added without its grant fails the build here, not on the
 * cluster.
 */
class AclListAgreesTest {
  private static final AclList ACLS = AclList.load();
  private static final String LIS = "User:lis";

  @Test
  void everyContractTopicHasAWriterAndTheListNamesNoOtherTopic() {
    for (String topic : contractTopics()) {
      assertThat(ACLS.principals()).as("principals that may write " + topic)
          .anyMatch(p -> ACLS.grants(p, TOPIC, topic, WRITE));
    }
    assertThat(ACLS.literalTopics()).containsExactlyInAnyOrderElementsOf(contractTopics());
  }

  /** Run by bash with a stand-in kafka-topics.sh that notes its command lines. */
  @Test
  void theClusterTopicScriptCreatesEveryContractTopicAsTheAdministrator(@TempDir Path dir) throws Exception {
    Path noted = dir.resolve("noted");
    Path tool = Files.createDirectories(dir.resolve("bin")).resolve("kafka-topics.sh");
    Files.writeString(tool, "#!/usr/bin/env bash\necho \"$*\" >> \"" + noted + "\"\n");
    assertThat(tool.toFile().setExecutable(true)).isTrue();
    ProcessBuilder script = new ProcessBuilder("bash", "../k8s/topics.sh").redirectErrorStream(true);
    script.environment().put("PATH", tool.getParent() + java.io.File.pathSeparator + System.getenv("PATH"));
    script.environment().put("BOOTSTRAP", "kafka-0.kafka:9093");
    script.environment().put("COMMAND_CONFIG", "/etc/kafka/admin.properties");
    Process run = script.start();
    String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(run.waitFor()).as(output).isZero();

    List<String> lines = Files.readAllLines(noted);
    assertThat(lines).allSatisfy(line -> assertThat(line)
        .contains("--bootstrap-server kafka-0.kafka:9093 --command-config /etc/kafka/admin.properties --create"));
    assertThat(lines).extracting(line -> line.replaceFirst(".* --topic (\\S+) .*", "$1"))
        .containsExactlyInAnyOrderElementsOf(contractTopics());
    // As the contract keeps them: every topic with the same partitions (co-partitioned by accession), its cleanup policy.
    assertThat(lines).allSatisfy(line -> assertThat(line).contains("--partitions " + Topics.PARTITIONS + " "));
    for (io.pathtrack.contract.Topic topic : Topics.ALL) {
      String line = lines.stream().filter(l -> l.contains("--topic " + topic.name() + " ")).findFirst().orElseThrow();
      assertThat(line.contains("cleanup.policy=compact")).as(topic.name())
          .isEqualTo(topic.cleanup() == io.pathtrack.contract.Topic.Cleanup.COMPACT);
    }
  }

  @Test
  void everyServiceMayWriteTheAuditTopic() {
    for (String service : new String[] {PathTrackServices.RESULTS, PathTrackServices.SPECIMEN, PathTrackServices.NOTIFY}) {
      assertThat(ACLS.grants("User:" + service, TOPIC, Topics.AUDIT.name(), WRITE)).as(service).isTrue();
    }
  }

  @Test
  void theLisMayWriteTheInboundTopicAndNothingElse() {
    assertThat(ACLS.bindings().stream().filter(b -> b.entry().principal().equals(LIS)))
        .extracting(b -> b.pattern().resourceType() + " " + b.pattern().patternType() + " " + b.pattern().name() + " "
            + b.entry().operation())
        .containsExactlyInAnyOrder("TOPIC LITERAL " + Topics.REPORTS_INBOUND.name() + " WRITE",
            "TOPIC LITERAL " + Topics.REPORTS_INBOUND.name() + " DESCRIBE");
  }

  @Test
  void noServiceMayCreateOrDeleteAContractTopic() {
    for (AclBinding b : ACLS.bindings()) {
      if (b.entry().operation() == CREATE || b.entry().operation() == DELETE) {
        assertThat(b.pattern().patternType()).as(b.toString()).isEqualTo(PatternType.PREFIXED);
        assertThat(contractTopics()).as(b.toString()).noneMatch(t -> t.startsWith(b.pattern().name()));
      }
    }
  }

  /** Each binding's topics, consumer group, dead-letter topic and stream application, as the service's file says. */
  @ParameterizedTest
  @ValueSource(strings = {PathTrackServices.RESULTS, PathTrackServices.SPECIMEN, PathTrackServices.NOTIFY})
  void aServiceMayDoWhatItsConfigurationBinds(String service) throws Exception {
    Map<String, Object> config;
    try (InputStream in = AclListAgreesTest.class.getResourceAsStream("/" + service + ".yaml")) {
      config = new Yaml().load(in);
    }
    String principal = "User:" + at(config, "spring", "application", "name");
    assertThat(principal).isEqualTo("User:" + service);
    Map<String, Object> streamFunctions = at(config, "spring", "cloud", "stream", "kafka", "streams", "binder", "functions");
    Set<String> applications = new LinkedHashSet<>();
    streamFunctions.values().forEach(f -> applications.add(at(f, "application-id")));

    Map<String, Object> bindings = at(config, "spring", "cloud", "stream", "bindings");
    for (Map.Entry<String, Object> binding : bindings.entrySet()) {
      String name = binding.getKey();
      String function = name.replaceFirst("-(in|out)(-\\d+)?$", "");
      String[] topics = ((String) at(binding.getValue(), "destination")).split(",");
      boolean consumer = name.matches(".*-in-\\d+$");
      assertThat(consumer || name.matches(".*-out(-\\d+)?$")).as("in or out: " + name).isTrue();
      for (String topic : topics) {
        assertGrant(principal, TOPIC, topic, consumer ? READ : WRITE, name);
      }
      if (consumer) {
        String group = streamFunctions.containsKey(function)
            ? at(streamFunctions, function, "application-id")
            : optional(binding.getValue(), "group", "anonymous.some-uuid");
        assertGrant(principal, GROUP, group, READ, name);
      }
    }
    Map<String, Object> kafkaBindings = at(config, "spring", "cloud", "stream", "kafka", "bindings");
    kafkaBindings.forEach((name, properties) -> {
      String dlq = optional(properties, "consumer", "dlq-name", null);
      if (dlq != null) {
        assertGrant(principal, TOPIC, dlq, WRITE, name + " dead letters");
      }
    });
    String deadLetters = at(config, "spring", "cloud", "stream", "kafka", "streams", "binder", "configuration",
        "pathtrack.dead-letter.topic");
    assertGrant(principal, TOPIC, deadLetters, WRITE, "stream dead letters");
    for (String application : applications) {
      assertGrant(principal, TOPIC, application + "-some-store-changelog", CREATE, application);
      assertGrant(principal, TOPIC, application + "-some-key-repartition", DELETE, application);
      assertGrant(principal, TRANSACTIONAL_ID, application + "-some-uuid-1", WRITE, application);
    }
  }

  private static void assertGrant(String principal, ResourceType type, String name,
      AclOperation operation, String why) {
    assertThat(ACLS.grants(principal, type, name, operation))
        .as("%s needs %s on %s %s (%s) in deploy/kafka/acls.tsv", principal, operation, type, name, why).isTrue();
  }

  private static Set<String> contractTopics() {
    Set<String> topics = new LinkedHashSet<>();
    Topics.ALL.forEach(topic -> topics.add(topic.name()));
    return topics;
  }

  @SuppressWarnings("unchecked")
  private static <T> T at(Object node, String... path) {
    Object current = node;
    for (String key : path) {
      assertThat(current).as(String.join(".", path)).isInstanceOf(Map.class);
      current = ((Map<String, Object>) current).get(key);
      assertThat(current).as(String.join(".", path) + " (at " + key + ")").isNotNull();
    }
    return (T) current;
  }

  @SuppressWarnings("unchecked")
  private static String optional(Object node, String key, String fallback) {
    Object value = ((Map<String, Object>) node).get(key);
    return value == null ? fallback : value.toString();
  }

  @SuppressWarnings("unchecked")
  private static String optional(Object node, String parent, String key, String fallback) {
    Object child = ((Map<String, Object>) node).get(parent);
    return child instanceof Map<?, ?> ? optional(child, key, fallback) : fallback;
  }
}
