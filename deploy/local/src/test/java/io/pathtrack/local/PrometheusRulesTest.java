package io.pathtrack.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The alert rules in {@code deploy/prometheus/alerts.yml} fire when they should and not otherwise, by
 * promtool's rule unit tests ({@code alerts.test.yml}). promtool comes with Debian's {@code prometheus}
 * package, which {@code .ci/run} installs; where it is missing the test is reported as skipped.
 */
class PrometheusRulesTest {

  @Test
  void alertRulesFireOnDeadLettersAndOnAServiceThatIsDown() throws IOException, InterruptedException {
    assumeTrue(promtoolInstalled(), "promtool is not installed (Debian package prometheus)");
    Process process = new ProcessBuilder("promtool", "test", "rules", "alerts.test.yml")
        .directory(Path.of("../prometheus").toFile())
        .redirectErrorStream(true)
        .start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as(output).isZero();
    assertThat(output).contains("SUCCESS");
  }

  private static boolean promtoolInstalled() {
    try {
      return new ProcessBuilder("promtool", "--version").start().waitFor(10, TimeUnit.SECONDS);
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
