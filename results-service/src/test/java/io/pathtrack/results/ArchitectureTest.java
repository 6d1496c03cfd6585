package io.pathtrack.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Package rules of results-service, checked on the compiled main classes: the packages under
 * {@code io.pathtrack.results} (each with its subpackages, the root package left out) form no cycle, and
 * the HL7 v2 translation ({@code io.pathtrack.results.hl7}) uses no Spring, Kafka or networking class and
 * none of the packages that use it (intake, the pipeline, the MLLP listener).
 *
 * <p>A class's dependencies are the types its constant pool names (class references and the
 * descriptors and signatures of its fields, methods and code), as {@code jdeps} reads them.
 */
class ArchitectureTest {
  private static final String ROOT = "io/pathtrack/results/";
  private static final Pattern TYPE_NAME = Pattern.compile("[A-Za-z_$][\\w$]*(?:/[\\w$]+)+");

  /** Each main class (internal name) and the types it depends on. */
  private static final Map<String, Set<String>> DEPENDENCIES = new TreeMap<>();

  @BeforeAll
  static void readClasses() throws IOException, URISyntaxException {
    Path classes = Path.of(ResultsServiceApplication.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    try (Stream<Path> files = Files.walk(classes)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        String name = classes.relativize(file).toString().replace('\\', '/').replaceFirst("\\.class$", "");
        try (InputStream in = Files.newInputStream(file)) {
          DEPENDENCIES.put(name, referencedTypes(in));
        }
      }
    }
    assertThat(DEPENDENCIES).as("main classes read from " + classes).containsKey(ROOT + "hl7/OruToFhir");
  }

  @Test
  void packagesAreFreeOfCycles() {
    Map<String, Set<String>> slices = new TreeMap<>();
    DEPENDENCIES.forEach((type, used) -> slice(type).ifPresent(from -> {
      Set<String> targets = slices.computeIfAbsent(from, k -> new TreeSet<>());
      used.forEach(u -> slice(u).filter(to -> !to.equals(from)).ifPresent(targets::add));
    }));
    List<List<String>> cycles = new ArrayList<>();
    for (String start : slices.keySet()) {
      findCycle(start, start, slices, new ArrayList<>(List.of(start)), new TreeSet<>()).ifPresent(cycles::add);
    }
    assertThat(cycles).as("package cycles (slices io.pathtrack.results.(*)..): " + slices).isEmpty();
  }

  @Test
  void translationUsesNoSpringKafkaNetworkingOrItsUsers() {
    Map<String, Set<String>> forbidden = new TreeMap<>();
    DEPENDENCIES.forEach((type, used) -> {
      if (type.startsWith(ROOT + "hl7/")) {
        used.stream()
            .filter(u -> u.startsWith("org/springframework/") || u.startsWith("org/apache/kafka/")
                || u.startsWith("java/net/") || u.startsWith("javax/net/") || u.startsWith("java/nio/channels/")
                || u.startsWith(ROOT + "ingest/") || u.startsWith(ROOT + "pipeline/") || u.startsWith(ROOT + "mllp/")
                || u.startsWith(ROOT + "api/") || u.startsWith(ROOT + "publish/"))
            .forEach(u -> forbidden.computeIfAbsent(type, k -> new TreeSet<>()).add(u));
      }
    });
    assertThat(forbidden).as("io.pathtrack.results.hl7 classes and what they must not use").isEmpty();
  }

  /** The slice of a type: the first package below io.pathtrack.results, none for the root package. */
  private static Optional<String> slice(String type) {
    if (!type.startsWith(ROOT)) {
      return Optional.empty();
    }
    String rest = type.substring(ROOT.length());
    int slash = rest.indexOf('/');
    return slash < 0 ? Optional.empty() : Optional.of(rest.substring(0, slash));
  }

  private static Optional<List<String>> findCycle(String start, String at, Map<String, Set<String>> graph,
      List<String> path, Set<String> seen) {
    for (String next : graph.getOrDefault(at, Set.of())) {
      if (next.equals(start)) {
        List<String> cycle = new ArrayList<>(path);
        cycle.add(start);
        return Optional.of(cycle);
      }
      if (seen.add(next)) {
        path.add(next);
        Optional<List<String>> found = findCycle(start, next, graph, path, seen);
        if (found.isPresent()) {
          return found;
        }
        path.remove(path.size() - 1);
      }
    }
    return Optional.empty();
  }

  /** The internal names of the types a class file's constant pool mentions (JVMS §4.4). */
  private static Set<String> referencedTypes(InputStream classFile) throws IOException {
    DataInputStream in = new DataInputStream(classFile);
    if (in.readInt() != 0xCAFEBABE) {
      throw new IOException("not a class file");
    }
    in.readUnsignedShort();
    in.readUnsignedShort();
    int count = in.readUnsignedShort();
    Set<String> types = new TreeSet<>();
    for (int i = 1; i < count; i++) {
      int tag = in.readUnsignedByte();
      switch (tag) {
        case 1 -> {
          Matcher names = TYPE_NAME.matcher(in.readUTF());
          while (names.find()) {
            types.add(names.group());
          }
        }
        case 7, 8, 16, 19, 20 -> in.readUnsignedShort();
        case 15 -> {
          in.readUnsignedByte();
          in.readUnsignedShort();
        }
        case 3, 4, 9, 10, 11, 12, 17, 18 -> in.readInt();
        case 5, 6 -> {
          in.readLong();
          i++;
        }
        default -> throw new IOException("unknown constant pool tag " + tag);
      }
    }
    return types;
  }
}
