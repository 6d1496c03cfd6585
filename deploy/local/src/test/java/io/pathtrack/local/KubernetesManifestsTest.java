package io.pathtrack.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.yaml.snakeyaml.Yaml;

/**
 * {@code deploy/k8s} as {@code kubectl kustomize} renders it agrees with what the services read: each runs as a
 * StatefulSet whose Kafka Streams state directory is on its own volume, its ports are the ports the service listens
 * on, its probes are the service's health groups on the management port, Prometheus scrapes that port, and the shared
 * settings name replication and standby replicas. kubectl comes from the machine; where it is missing the test is
 * reported as skipped.
 */
class KubernetesManifestsTest {
  private static List<Map<String, Object>> rendered;

  @SuppressWarnings("unchecked")
  private static synchronized List<Map<String, Object>> rendered() throws IOException, InterruptedException {
    if (rendered == null) {
      assumeTrue(kubectlInstalled(), "kubectl is not installed");
      Process kubectl = new ProcessBuilder("kubectl", "kustomize", "../k8s").redirectErrorStream(true).start();
      String out = new String(kubectl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(kubectl.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(kubectl.exitValue()).as(out).isZero();
      List<Map<String, Object>> docs = new ArrayList<>();
      for (Object doc : new Yaml().loadAll(out)) {
        docs.add((Map<String, Object>) doc);
      }
      rendered = docs;
    }
    return rendered;
  }

  private static Map<String, Object> find(String kind, String name) throws IOException, InterruptedException {
    return rendered().stream()
        .filter(d -> kind.equals(d.get("kind")) && name.equals(map(d, "metadata").get("name")))
        .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in deploy/k8s"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"results-service, RESULTS", "specimen-service, SPECIMEN", "notify-service, NOTIFY"})
  void eachServiceIsAStatefulSetWithItsStateOnAVolumeAndItsOwnPortsAndProbes(String service, String prefix)
      throws Exception {
    String config = new ClassPathResource(service + ".yaml").getContentAsString(StandardCharsets.UTF_8);
    int httpPort = defaultOf(config, prefix + "_PORT");
    int managementPort = defaultOf(config, prefix + "_MANAGEMENT_PORT");

    Map<String, Object> set = find("StatefulSet", service);
    Map<String, Object> spec = map(set, "spec");
    assertThat(spec.get("serviceName")).isEqualTo(service + "-pods");
    assertThat(map(find("Service", service + "-pods"), "spec").get("clusterIP")).isEqualTo("None");
    assertThat(list(spec, "volumeClaimTemplates")).extracting(t -> map(t, "metadata").get("name")).containsExactly("streams");

    Map<String, Object> pod = map(map(spec, "template"), "spec");
    Map<String, Object> container = list(pod, "containers").get(0);
    String mount = list(container, "volumeMounts").stream().filter(m -> "streams".equals(m.get("name")))
        .map(m -> (String) m.get("mountPath")).findFirst().orElseThrow();
    String stateDir = list(container, "env").stream().filter(e -> (prefix + "_STATE_DIR").equals(e.get("name")))
        .map(e -> (String) e.get("value")).findFirst()
        .orElseThrow(() -> new AssertionError(service + " does not set " + prefix + "_STATE_DIR: its state would be lost "
            + "with the container"));
    assertThat(stateDir).startsWith(mount + "/");
    assertThat(config).contains("state.dir: ${" + prefix + "_STATE_DIR:");

    Map<String, Integer> ports = new java.util.HashMap<>();
    list(container, "ports").forEach(p -> ports.put((String) p.get("name"), (Integer) p.get("containerPort")));
    assertThat(ports).containsEntry("http", httpPort).containsEntry("management", managementPort);
    for (String probe : List.of("readinessProbe", "livenessProbe")) {
      Map<String, Object> get = map(map(container, probe), "httpGet");
      assertThat(get.get("port")).isEqualTo("management");
      assertThat(get.get("path")).isEqualTo("/actuator/health/" + probe.replace("Probe", ""));
    }
    assertThat(map(map(map(spec, "template"), "metadata"), "annotations"))
        .containsEntry("prometheus.io/port", String.valueOf(managementPort))
        .containsEntry("prometheus.io/path", "/actuator/prometheus");
    assertThat(map(map(container, "resources"), "limits")).containsKey("memory");
    assertThat(list(map(find("Service", service), "spec"), "ports"))
        .anySatisfy(p -> assertThat(p).containsEntry("port", httpPort).containsEntry("targetPort", "http"));
  }

  /**
   * specimen-service and notify-service run as several instances: each advertises its stable pod address behind the
   * headless Service at its HTTP port, and shows the others the service's own client token, its secret from a Secret.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource({"specimen-service, SPECIMEN", "notify-service, NOTIFY"})
  void instancesFindEachOtherAtTheirPodAddressesWithTheServiceClient(String service, String prefix) throws Exception {
    String config = new ClassPathResource(service + ".yaml").getContentAsString(StandardCharsets.UTF_8);
    int httpPort = defaultOf(config, prefix + "_PORT");
    Map<String, Object> spec = map(find("StatefulSet", service), "spec");
    assertThat((Integer) spec.get("replicas")).isGreaterThanOrEqualTo(2);
    List<Map<String, Object>> env = list(list(map(map(spec, "template"), "spec"), "containers").get(0), "env");
    Map<String, Map<String, Object>> byName = new java.util.HashMap<>();
    env.forEach(e -> byName.put((String) e.get("name"), e));
    assertThat(byName.get("PATHTRACK_INSTANCES_ADVERTISED_ADDRESS")).as("advertised address")
        .containsEntry("value", "$(POD_NAME)." + service + "-pods:" + httpPort);
    assertThat(map(map(byName.get("POD_NAME"), "valueFrom"), "fieldRef")).containsEntry("fieldPath", "metadata.name");
    assertThat(byName.get("PATHTRACK_INSTANCES_CLIENT_ID")).containsEntry("value", service);
    assertThat(map(map(byName.get("PATHTRACK_INSTANCES_CLIENT_SECRET"), "valueFrom"), "secretKeyRef"))
        .containsEntry("key", service);
    // POD_NAME is defined before the address that refers to it, or Kubernetes leaves $(POD_NAME) as it is.
    assertThat(env.indexOf(byName.get("POD_NAME"))).isLessThan(env.indexOf(byName.get("PATHTRACK_INSTANCES_ADVERTISED_ADDRESS")));
    assertThat(config).contains("application.server: ${pathtrack.instances.advertised-address:}");
  }

  @Test
  void sharedSettingsReplicateStateAndKeepAWarmStandby() throws Exception {
    Map<String, Object> data = map(find("ConfigMap", "pathtrack"), "data");
    assertThat(data)
        .containsEntry("SPRING_CLOUD_STREAM_KAFKA_STREAMS_BINDER_CONFIGURATION_REPLICATION_FACTOR", "3")
        .containsEntry("SPRING_CLOUD_STREAM_KAFKA_STREAMS_BINDER_CONFIGURATION_NUM_STANDBY_REPLICAS", "1")
        .containsEntry("SPRING_CLOUD_STREAM_KAFKA_BINDER_REPLICATIONFACTOR", "3");
    assertThat(rendered()).allSatisfy(d -> assertThat(map(d, "metadata").get("namespace"))
        .as("%s %s", d.get("kind"), map(d, "metadata").get("name"))
        .isEqualTo("Namespace".equals(d.get("kind")) ? null : "pathtrack"));
  }

  /** The default of {@code ${NAME:default}} in a service's configuration. */
  private static int defaultOf(String config, String variable) {
    Matcher m = Pattern.compile("\\$\\{" + variable + ":(\\d+)}").matcher(config);
    assertThat(m.find()).as("%s in the service's configuration", variable).isTrue();
    return Integer.parseInt(m.group(1));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Map<String, Object> parent, String key) {
    Object value = parent.get(key);
    assertThat(value).as(key).isInstanceOf(Map.class);
    return (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Map<String, Object> parent, String key) {
    Object value = parent.get(key);
    assertThat(value).as(key).isInstanceOf(List.class);
    return (List<Map<String, Object>>) value;
  }

  private static boolean kubectlInstalled() {
    try {
      return new ProcessBuilder("kubectl", "version", "--client").start().waitFor(20, TimeUnit.SECONDS);
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
