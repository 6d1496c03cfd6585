package io.pathtrack.results.hl7;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Resource;

/** The HL7 v2 test messages: team-written ones in {@code src/test/resources/hl7}, and the shared corpus. */
public final class Hl7Fixtures {
  static final Path CORPUS = Path.of("../../shared/corpus/hl7v2");

  private Hl7Fixtures() {}

  /** A team-written message, as stored (LF between segments; the listener accepts that). */
  public static String message(String name) {
    try (InputStream in = Hl7Fixtures.class.getResourceAsStream("/hl7/" + name)) {
      assertThat(in).as("test message " + name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static byte[] corpus(String name) {
    try {
      return Files.readAllBytes(CORPUS.resolve(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<String> corpusFiles() {
    try (Stream<Path> files = Files.list(CORPUS)) {
      return files.map(f -> f.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Bundle convert(String message) {
    return OruToFhir.convert(message.getBytes(StandardCharsets.UTF_8));
  }

  static <T extends Resource> List<T> all(Bundle bundle, Class<T> type) {
    return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
        .filter(type::isInstance).map(type::cast).toList();
  }

  static DiagnosticReport onlyReport(Bundle bundle) {
    List<DiagnosticReport> reports = all(bundle, DiagnosticReport.class);
    assertThat(reports).hasSize(1);
    return reports.get(0);
  }

  /** The resource a reference in the bundle points at (by fullUrl). */
  static <T extends Resource> T resolve(Bundle bundle, String reference, Class<T> type) {
    return bundle.getEntry().stream()
        .filter(e -> reference.equals(e.getFullUrl()))
        .map(e -> type.cast(e.getResource()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no entry " + reference));
  }
}
