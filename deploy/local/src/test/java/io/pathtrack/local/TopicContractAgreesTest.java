package io.pathtrack.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.pathtrack.contract.Topic;
import io.pathtrack.contract.Topics;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

/**
 * The contract's {@link Topics} is the one list of topics: each service's bindings, the AsyncAPI document, the
 * README's table, the alert rules, the cluster's files and every line of production code name only its topics, and
 * a binding reads or writes a topic only where the contract says that service does. A topic renamed or added in one
 * place and not the others fails the build here. (The ACL list and the topic script: {@link AclListAgreesTest}.)
 */
class TopicContractAgreesTest {
  private static final Path ROOT = Path.of("../..");
  private static final Pattern TOPIC_NAME = Pattern.compile("\\bpathology\\.[a-z]+(?:\\.[a-z]+)*\\b");
  private static final Pattern BINDING = Pattern.compile(".*-(in|out)(-\\d+)?$");

  @ParameterizedTest
  @ValueSource(strings = {PathTrackServices.RESULTS, PathTrackServices.SPECIMEN, PathTrackServices.NOTIFY})
  void aServiceBindsOnlyContractTopicsAndOnlyThoseTheContractSaysItReadsOrWrites(String service) throws IOException {
    Map<String, Object> config;
    try (InputStream in = TopicContractAgreesTest.class.getResourceAsStream("/" + service + ".yaml")) {
      config = new Yaml().load(in);
    }
    List<String> named = new ArrayList<>();
    strings(config, named);
    assertThat(named.stream().flatMap(this::topicNames)).as("topics named in %s.yaml", service)
        .isNotEmpty().allSatisfy(TopicContractAgreesTest::isContractTopic);

    Map<String, Object> bindings = at(config, "spring", "cloud", "stream", "bindings");
    for (Map.Entry<String, Object> binding : bindings.entrySet()) {
      Matcher direction = BINDING.matcher(binding.getKey());
      assertThat(direction.matches()).as("binding name %s (function-in-N, function-out-N, or name-out for a StreamBridge output)", binding.getKey()).isTrue();
      String destination = at(binding.getValue(), "destination");
      for (String name : destination.split(",")) {
        Topic topic = Topics.named(name.trim()).orElseThrow();
        List<String> parties = direction.group(1).equals("in") ? topic.consumers() : topic.producers();
        assertThat(parties).as("%s %s %s, so the contract must say so (Topics.%s)", service,
            direction.group(1).equals("in") ? "reads" : "writes", topic, topic).contains(service);
      }
    }
  }

  @Test
  void theAsyncApiDocumentDescribesExactlyTheContractTopics() throws IOException {
    Map<String, Object> document;
    try (InputStream in = Files.newInputStream(ROOT.resolve("deploy/asyncapi/pathtrack.asyncapi.yaml"))) {
      document = new Yaml().load(in);
    }
    Map<String, Object> channels = at(document, "channels");
    assertThat(channels.values().stream().map(c -> (String) at(c, "address")))
        .containsExactlyInAnyOrderElementsOf(Topics.ALL.stream().map(Topic::name).toList());
  }

  @Test
  void theReadmeTableListsEveryContractTopicInItsOrderAndTheTextNoOther() throws IOException {
    String readme = Files.readString(ROOT.resolve("README.md"), StandardCharsets.UTF_8);
    List<String> rows = readme.lines().filter(l -> l.startsWith("| `pathology."))
        .map(l -> l.substring(3, l.indexOf('`', 3))).toList();
    assertThat(rows).containsExactlyElementsOf(Topics.ALL.stream().map(Topic::name).toList());
    assertThat(topicNames(readme)).allSatisfy(TopicContractAgreesTest::isContractTopic);
  }

  @Test
  void theClusterFilesAndAlertRulesNameOnlyContractTopics() throws IOException {
    List<Path> files = new ArrayList<>();
    for (String folder : List.of("deploy/k8s", "deploy/kafka", "deploy/prometheus", "deploy/container")) {
      try (Stream<Path> walk = Files.walk(ROOT.resolve(folder))) {
        walk.filter(Files::isRegularFile).filter(p -> !p.toString().contains("/target/")).forEach(files::add);
      }
    }
    assertThat(files).isNotEmpty();
    for (Path file : files) {
      assertThat(topicNames(Files.readString(file, StandardCharsets.UTF_8))).as(file.toString())
          .allSatisfy(TopicContractAgreesTest::isContractTopic);
    }
  }

  /** Production code takes topic names from the contract; only {@code Topics} spells them. */
  @Test
  void noProductionSourceSpellsATopicNameButTheContract() throws IOException {
    Set<String> offenders = new LinkedHashSet<>();
    try (Stream<Path> walk = Files.walk(ROOT)) {
      walk.filter(p -> p.toString().endsWith(".java") && p.toString().contains("/src/main/java/"))
          .filter(p -> !p.toString().contains("/target/") && !p.endsWith("io/pathtrack/contract/Topics.java"))
          .forEach(p -> {
            if (TOPIC_NAME.matcher(read(p)).find()) {
              offenders.add(ROOT.relativize(p).toString());
            }
          });
    }
    assertThat(offenders).as("name topics with io.pathtrack.contract.Topics").isEmpty();
  }

  @Test
  void theContractKeepsItsOwnPromises() {
    assertThat(Topics.ALL).extracting(Topic::name).doesNotHaveDuplicates();
    assertThat(Topics.ALL).allSatisfy(t -> {
      assertThat(t.producers()).as("%s has a producer", t).isNotEmpty();
      assertThat(t.consumers()).as("%s has a reader", t).isNotEmpty();
    });
    assertThat(Topics.ALL.stream().filter(Topic::deadLetters)).extracting(Topic::name)
        .containsExactlyInAnyOrder(Topics.REPORTS_INBOUND_DLQ.name(), Topics.SPECIMENS_DLQ.name(),
            Topics.NOTIFICATIONS_DLQ.name());
  }

  private Stream<String> topicNames(String text) {
    return TOPIC_NAME.matcher(text).results().map(java.util.regex.MatchResult::group);
  }

  private static void isContractTopic(String name) {
    assertThat(Topics.named(name)).as("%s is a topic of the contract (io.pathtrack.contract.Topics)", name).isPresent();
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void strings(Object node, List<String> out) {
    if (node instanceof Map<?, ?> map) {
      map.values().forEach(v -> strings(v, out));
    } else if (node instanceof List<?> list) {
      list.forEach(v -> strings(v, out));
    } else if (node instanceof String s) {
      out.add(s);
    }
  }

  @SuppressWarnings("unchecked")
  private static <T> T at(Object node, String... path) {
    Object current = node;
    for (String key : path) {
      current = ((Map<String, Object>) current).get(key);
    }
    return (T) current;
  }
}
