package io.pathtrack.results;

import io.pathtrack.results.mllp.MllpListener;
import io.pathtrack.testsupport.StreamsReady;
import io.pathtrack.testsupport.TestCallers;
import io.pathtrack.testsupport.TestKafka;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * results-service as the tests start it, once per class: on the test broker, with free HTTP and MLLP ports and
 * its Kafka Streams state in the class's temporary directory, plus the settings a test gives
 * ({@code --name=value}, which take the place of these defaults).
 */
public final class ResultsServiceHarness {
  private ResultsServiceHarness() {}

  /** Starts the service and waits until its pipeline runs. */
  public static ConfigurableApplicationContext run(Path state, String... settings) {
    ConfigurableApplicationContext service = runWithoutWaiting(state, settings);
    StreamsReady.await(service, Duration.ofSeconds(120));
    return service;
  }

  /** Starts the service and returns at once (for tests of the listeners alone). */
  public static ConfigurableApplicationContext runWithoutWaiting(Path state, String... settings) {
    List<String> args = new ArrayList<>();
    addDefault(args, settings, "spring.kafka.bootstrap-servers", TestKafka.bootstrapServers());
    addDefault(args, settings, "server.port", "0");
    addDefault(args, settings, "RESULTS_STATE_DIR", state.toString());
    addDefault(args, settings, "pathtrack.results.mllp.port", "0");
    for (String setting : TestCallers.serviceArguments()) {
      addDefault(args, settings, setting.substring(2, setting.indexOf('=')), setting.substring(setting.indexOf('=') + 1));
    }
    args.addAll(List.of(settings));
    return ResultsServiceApplication.builder().run(args.toArray(String[]::new));
  }

  /** Where its health probes and metrics answer (the management port). */
  public static String management(ConfigurableApplicationContext service) {
    return "http://127.0.0.1:" + service.getEnvironment().getProperty("local.management.port");
  }

  /** Where its HTTP endpoints answer, e.g. {@code http://127.0.0.1:40123}. */
  public static String base(ConfigurableApplicationContext service) {
    return "http://127.0.0.1:" + service.getEnvironment().getProperty("local.server.port");
  }

  public static int mllpPort(ConfigurableApplicationContext service) {
    return Integer.parseInt(service.getEnvironment().getProperty(MllpListener.LOCAL_PORT_PROPERTY));
  }

  private static void addDefault(List<String> args, String[] settings, String name, String value) {
    for (String setting : settings) {
      if (setting.startsWith("--" + name + "=")) {
        return;
      }
    }
    args.add("--" + name + "=" + value);
  }
}
