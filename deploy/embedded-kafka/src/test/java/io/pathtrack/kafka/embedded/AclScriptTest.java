package io.pathtrack.kafka.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.utils.Exit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code deploy/kafka/acls.sh} run by bash as on a cluster, against a secured broker that starts with no user and
 * no ACL. Its {@code kafka-acls.sh} and {@code kafka-configs.sh} are stand-ins that note each command line; the
 * test then runs Kafka's own tools on them (AclCommand, ConfigCommand, what those scripts run), in this JVM.
 */
class AclScriptTest {
  private static final Path SCRIPT = Path.of("../kafka/acls.sh");

  @TempDir
  Path dir;
  private EmbeddedKafkaBroker broker;
  private Path commands;

  @BeforeEach
  void startEmptySecuredBroker() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/bin/bash")) || Files.isExecutable(Path.of("/usr/bin/bash")), "bash");
    broker = EmbeddedKafkaBroker.builder().sasl(AclList.parse("")).start();
    commands = dir.resolve("commands");
    Path bin = Files.createDirectories(dir.resolve("bin"));
    for (String tool : List.of("kafka-acls.sh", "kafka-configs.sh")) {
      Path stand = bin.resolve(tool);
      Files.writeString(stand, "#!/usr/bin/env bash\n{ printf '%s\\0' \"$(basename \"$0\")\" \"$@\"; echo; } >> \""
          + commands + "\"\n");
      stand.toFile().setExecutable(true);
    }
    Exit.setExitProcedure((status, message) -> {
      throw new ToolExited(status, message);
    });
  }

  @AfterEach
  void stopBroker() {
    Exit.resetExitProcedure();
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  void theScriptGivesAClusterExactlyTheListsAclsAndTheUsersTheirLogins() throws Exception {
    Process script = run(Map.of("SCRAM_PASSWORD_LIS", "lis-pass_1.~", "SCRAM_PASSWORD_RESULTS_SERVICE", "results-pass"));
    assertThat(script.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(script.exitValue()).as(new String(script.getErrorStream().readAllBytes(), StandardCharsets.UTF_8)).isZero();

    runNotedCommands();

    try (Admin admin = Admin.create(broker.clientProperties(EmbeddedKafkaBroker.ADMIN))) {
      List<AclBinding> applied = new ArrayList<>(admin.describeAcls(AclBindingFilter.ANY).values().get(30, TimeUnit.SECONDS));
      assertThat(new HashSet<>(applied)).isEqualTo(new HashSet<>(AclList.load().bindings()));
      assertThat(admin.describeUserScramCredentials().users().get(30, TimeUnit.SECONDS))
          .containsExactlyInAnyOrder("lis", "results-service");
    }
    Map<String, Object> lis = new HashMap<>(broker.clientProperties("admin"));
    lis.put("sasl.mechanism", "SCRAM-SHA-512");
    lis.put("sasl.jaas.config",
        "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"lis\" password=\"lis-pass_1.~\";");
    try (Admin asLis = Admin.create(lis)) {
      assertThat(asLis.describeCluster().nodes().get(30, TimeUnit.SECONDS)).isNotEmpty();
    }
  }

  @Test
  void aPasswordTheToolCouldMisreadIsRefusedWithoutBeingShown() throws Exception {
    Process script = run(Map.of("SCRAM_PASSWORD_LIS", "a,b]=c"));
    assertThat(script.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String errors = new String(script.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(script.exitValue()).isNotZero();
    assertThat(errors).contains("SCRAM_PASSWORD_LIS").doesNotContain("a,b]=c");
  }

  @Test
  void aLineTheScriptCannotReadStopsItWithTheLineNumber() throws Exception {
    Path list = dir.resolve("acls.tsv");
    Files.writeString(list, "# one good line, then a bad one\nUser:lis\tTOPIC\tLITERAL\tin\tWRITE\nUser:lis\tTABLE\tLITERAL\tin\tREAD\n");
    Process script = run(Map.of("ACLS", list.toString()));
    assertThat(script.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(script.exitValue()).isNotZero();
    assertThat(new String(script.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
        .contains("line 3").contains("unknown resource type TABLE");
    assertThatThrownBy(() -> AclList.parse(Files.readString(list))).hasMessageContaining("line 3");
  }

  /** Kafka's tools end with Exit.exit, which would end the test JVM. */
  private static final class ToolExited extends RuntimeException {
    final int status;

    ToolExited(int status, String message) {
      super("Kafka's tool exited with " + status + ": " + message);
      this.status = status;
    }
  }

  private Process run(Map<String, String> environment) throws Exception {
    Path config = dir.resolve("admin.properties");
    Properties admin = new Properties();
    admin.putAll(broker.clientProperties(EmbeddedKafkaBroker.ADMIN));
    try (Writer out = Files.newBufferedWriter(config)) {
      admin.store(out, null);
    }
    ProcessBuilder builder = new ProcessBuilder("bash", SCRIPT.toString());
    builder.environment().put("BOOTSTRAP", broker.bootstrapServers());
    builder.environment().put("COMMAND_CONFIG", config.toString());
    builder.environment().put("KAFKA_BIN", dir.resolve("bin").toString());
    builder.environment().putAll(environment);
    builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
    return builder.start();
  }

  /** Each command line the script gave kafka-acls.sh or kafka-configs.sh, run by Kafka's own tool. */
  private void runNotedCommands() throws Exception {
    for (String line : Files.readString(commands).split("\n")) {
      if (line.isEmpty()) {
        continue;
      }
      String[] words = line.split("\0");
      String[] args = Arrays.copyOfRange(words, 1, words.length);
      try {
        switch (words[0]) {
          case "kafka-acls.sh" -> org.apache.kafka.tools.AclCommand.main(args);
          case "kafka-configs.sh" -> kafka.admin.ConfigCommand.main(args);
          default -> throw new IllegalStateException("Unexpected tool " + words[0]);
        }
      } catch (ToolExited e) {
        assertThat(e.status).as(e.getMessage()).isZero();
      }
    }
  }
}
