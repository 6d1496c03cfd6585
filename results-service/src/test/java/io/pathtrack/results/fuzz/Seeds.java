package io.pathtrack.results.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.pathtrack.contract.Fhir;
import io.pathtrack.testsupport.PathologyFixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.DiagnosticReport.DiagnosticReportStatus;

/**
 * What the mutators start from: the third-party examples in {@code ../shared/corpus} beside the checkout
 * (read in place, as the corpus tests do) and this module's own fixtures.
 */
final class Seeds {
  static final Path CORPUS = Path.of("../../shared/corpus");

  record Seed(String name, String text) {}

  private Seeds() {}

  /** The corpus FHIR examples and the test-support report and bundle builders, as FHIR JSON. */
  static List<Seed> fhirJson() {
    List<Seed> seeds = new ArrayList<>(files(CORPUS.resolve("fhir-r4"), ".json"));
    seeds.add(new Seed("fixture-malignant", PathologyFixtures.report("FZ-1")
        .conclusion("Left breast core biopsy: invasive ductal carcinoma, grade 2.").json()));
    seeds.add(new Seed("fixture-benign", PathologyFixtures.report("FZ-2")
        .conclusion("Benign fibroadenoma. No evidence of malignancy.").json()));
    seeds.add(new Seed("fixture-coded", PathologyFixtures.report("FZ-3").status(DiagnosticReportStatus.AMENDED)
        .conclusionCode(PathologyFixtures.SNOMED, "413448000", "Adenocarcinoma").json()));
    seeds.add(new Seed("fixture-transaction", fixedUuids(Fhir.json().encodeResourceToString(
        PathologyFixtures.transactionBundle("FZ-4", "Invasive ductal carcinoma, Nottingham grade 3")))));
    return seeds;
  }

  /** The builder's random entry UUIDs made fixed, so that one seed always gives the same inputs. */
  private static String fixedUuids(String json) {
    java.util.Map<String, String> fixed = new java.util.LinkedHashMap<>();
    var matcher = java.util.regex.Pattern.compile("urn:uuid:[0-9a-f-]{36}").matcher(json);
    return matcher.replaceAll(m -> fixed.computeIfAbsent(m.group(), k -> String.format("urn:uuid:00000000-0000-0000-0000-%012d", fixed.size() + 1)));
  }

  /** The corpus HL7 v2 messages and this module's HL7 fixtures ({@code src/test/resources/hl7}). */
  static List<Seed> hl7() {
    List<Seed> seeds = new ArrayList<>(files(CORPUS.resolve("hl7v2"), ".hl7"));
    seeds.addAll(files(Path.of("src/test/resources/hl7"), ".hl7"));
    return seeds;
  }

  private static List<Seed> files(Path dir, String suffix) {
    assertThat(dir).as("seed directory").isDirectory();
    try (Stream<Path> files = Files.list(dir)) {
      List<Seed> seeds = new ArrayList<>();
      for (Path file : files.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted().toList()) {
        seeds.add(new Seed(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8)));
      }
      assertThat(seeds).as("seeds in " + dir).isNotEmpty();
      return seeds;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
