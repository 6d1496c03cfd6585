package io.pathtrack.results.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.pathtrack.results.hl7.Er7Text;
import io.pathtrack.results.ingest.ConfiguredIntake;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every input that ever failed a fuzz property, kept in {@code src/test/resources/fuzz/regressions/<channel>/},
 * replayed through the same property: with its channel's content type and with none (sniffed).
 */
class FuzzRegressionsTest {
  static final Path REGRESSIONS = Path.of("src/test/resources/fuzz/regressions");
  private static final Map<String, String> CONTENT_TYPES = Map.of(
      "json", "application/fhir+json", "xml", "application/fhir+xml", "hl7", Er7Text.CONTENT_TYPE);
  private static IntakeProperty property;

  @BeforeAll
  static void intake() {
    property = new IntakeProperty(ConfiguredIntake.asConfigured(), Duration.ofSeconds(20));
  }

  static Stream<Path> seeds() throws IOException {
    try (Stream<Path> files = Files.walk(REGRESSIONS)) {
      return files.filter(Files::isRegularFile).filter(f -> CONTENT_TYPES.containsKey(channel(f))).sorted().toList().stream();
    }
  }

  @Test
  void regressionSeedsAreKept() throws IOException {
    assertThat(seeds()).isNotEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("seeds")
  void regressionSeedIsAnswered(Path seed) throws IOException {
    byte[] payload = Files.readAllBytes(seed);
    String channel = channel(seed);
    boolean withoutDiagnosticContent = seed.getFileName().toString().contains(".nodx.");
    for (String contentType : java.util.Arrays.asList(CONTENT_TYPES.get(channel), null)) {
      assertThat(property.check(new FuzzInput(channel, payload, contentType, withoutDiagnosticContent, List.of(seed.toString()))))
          .isIn(IntakeProperty.Answer.ACCEPTED, IntakeProperty.Answer.REFUSED);
    }
  }

  private static String channel(Path file) {
    String name = file.getFileName().toString();
    return name.substring(name.lastIndexOf('.') + 1);
  }
}
