package io.pathtrack.results.fuzz;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Structure-aware mutations of FHIR JSON: a seed is read as a JSON tree, fields are deleted, duplicated,
 * renamed, retyped, filled with hostile text or grafted from another seed, references are pointed at
 * other resources (or themselves), values are nested thousands deep; then the text may be damaged byte
 * by byte and sent in another encoding.
 */
final class FhirJsonMutator {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String NEST = "\u0000nest\u0000";

  static final List<String> CONTENT_TYPES = List.of("application/fhir+json", "application/json",
      "application/fhir+json; charset=utf-8", "application/json+fhir", "text/plain", "");

  private final List<Seeds.Seed> seeds;
  private final List<JsonNode> trees = new ArrayList<>();

  FhirJsonMutator(List<Seeds.Seed> seeds) {
    this.seeds = List.copyOf(seeds);
    for (Seeds.Seed seed : seeds) {
      trees.add(read(seed.text()));
    }
  }

  FuzzInput next(FuzzChoices choices) {
    int index = choices.below(seeds.size());
    JsonNode root = trees.get(index).deepCopy();
    List<String> recipe = new ArrayList<>(List.of(seeds.get(index).name()));
    boolean empty = choices.oneIn(5);
    if (empty) {
      root = DiagnosticContent.removedFrom(root);
      recipe.add("without-diagnostic-content");
    }
    String text = mutate(root, choices, !empty, recipe);
    byte[] bytes = ByteMutations.encode(text, choices);
    byte[] damaged = ByteMutations.maybeDamage(bytes, choices);
    if (damaged != bytes) {
      recipe.add("bytes-damaged");
    }
    String contentType = choices.oneIn(6) ? null : choices.pick(CONTENT_TYPES);
    return new FuzzInput("json", damaged, contentType, empty, recipe);
  }

  /** A mutated copy of {@code root} as JSON text; {@code root} is changed. */
  String mutate(JsonNode root, FuzzChoices choices, boolean diagnosticAllowed, List<String> recipe) {
    int operations = choices.below(5);
    List<String> duplicatedKeys = new ArrayList<>();
    String nested = null;
    for (int i = 0; i < operations; i++) {
      List<Slot> slots = slots(root);
      if (slots.isEmpty()) {
        break;
      }
      Slot slot = choices.pick(slots);
      int op = choices.below(10);
      switch (op) {
        case 0 -> slot.remove();
        case 1 -> {
          if (slot.parent() instanceof ArrayNode array) {
            array.insert(slot.index(), slot.value().deepCopy());
          } else {
            duplicatedKeys.add(slot.field());
          }
        }
        case 2 -> slot.replace(retyped(slot.value(), choices, diagnosticAllowed));
        case 3 -> slot.replace(new TextNode(hostileText(slot.value(), choices, diagnosticAllowed)));
        case 4 -> slot.rename(choices.pick(List.of(slot.field() + "_", "_" + slot.field(),
            slot.field().toUpperCase(java.util.Locale.ROOT), slot.field() + "x", "", "resourceType", "extension")));
        case 5 -> {
          if (diagnosticAllowed) {
            List<Slot> donors = slots(choices.pick(trees));
            if (!donors.isEmpty()) {
              slot.replace(choices.pick(donors).value().deepCopy());
            }
          } else {
            slot.remove();
          }
        }
        case 6 -> retypeResources(root, choices);
        case 7 -> pointReferences(root, choices);
        case 8 -> {
          if (nested == null) {
            nested = nesting(choices);
            slot.replace(new TextNode(NEST));
          }
        }
        default -> slot.replace(number(choices));
      }
      recipe.add(List.of("delete", "duplicate", "retype", "hostile-text", "rename", "graft", "resource-type",
          "references", "deep-nesting", "number").get(op) + ":" + slot.path());
    }
    String text = write(root, choices.oneIn(3));
    if (nested != null) {
      text = text.replace("\"" + NEST + "\"", nested);
    }
    for (String key : duplicatedKeys) {
      if (!key.isEmpty()) {
        int at = text.indexOf("\"" + key + "\":");
        if (at >= 0) {
          text = text.substring(0, at) + "\"" + key + "\":" + write(retyped(TextNode.valueOf(""), choices, diagnosticAllowed), false)
              + "," + text.substring(at);
        }
      }
    }
    return text;
  }

  private JsonNode retyped(JsonNode value, FuzzChoices choices, boolean diagnosticAllowed) {
    return switch (choices.below(10)) {
      case 0 -> NODES.nullNode();
      case 1 -> NODES.booleanNode(choices.oneIn(2));
      case 2 -> number(choices);
      case 3 -> NODES.objectNode();
      case 4 -> NODES.arrayNode();
      case 5 -> NODES.arrayNode().add(value.deepCopy());
      case 6 -> NODES.objectNode().set("value", value.deepCopy());
      case 7 -> new TextNode(write(value, false));
      case 8 -> NODES.objectNode().put("resourceType", choices.pick(List.of("DiagnosticReport", "Observation", "Bundle")));
      default -> new TextNode(hostileText(value, choices, diagnosticAllowed));
    };
  }

  private static JsonNode number(FuzzChoices choices) {
    return switch (choices.below(5)) {
      case 0 -> NODES.numberNode(Long.MIN_VALUE);
      case 1 -> NODES.numberNode(1e308);
      case 2 -> NODES.numberNode(new java.math.BigDecimal("1e-99999"));
      case 3 -> NODES.numberNode(new java.math.BigInteger("9".repeat(400)));
      default -> NODES.numberNode(choices.between(-2, 3));
    };
  }

  private static String hostileText(JsonNode value, FuzzChoices choices, boolean diagnosticAllowed) {
    String original = value.isTextual() ? value.asText() : "";
    String inserted;
    do {
      inserted = NastyText.any(choices);
    } while (!diagnosticAllowed && NastyText.DIAGNOSTIC.stream().anyMatch(inserted::contains));
    if (original.isEmpty() || choices.oneIn(3)) {
      return inserted;
    }
    int at = choices.below(original.length() + 1);
    return original.substring(0, at) + inserted + original.substring(at);
  }

  /** Every resourceType becomes another, or a nonsense one. */
  private static void retypeResources(JsonNode root, FuzzChoices choices) {
    List<ObjectNode> resources = new ArrayList<>();
    collect(root, n -> n instanceof ObjectNode o && o.has("resourceType"), resources);
    if (!resources.isEmpty()) {
      choices.pick(resources).put("resourceType", choices.pick(List.of("DiagnosticReport", "Bundle", "Observation",
          "Patient", "OperationOutcome", "Parameters", "diagnosticreport", "", " DiagnosticReport", "Foo")));
    }
  }

  /** References rewritten to other resources of the payload, to themselves, or to nothing. */
  private static void pointReferences(JsonNode root, FuzzChoices choices) {
    List<ObjectNode> references = new ArrayList<>();
    collect(root, n -> n instanceof ObjectNode o && o.has("reference"), references);
    List<String> targets = new ArrayList<>(List.of("#", "#self", "Observation/", "urn:uuid:", "Observation/urn:uuid:",
        "http://x/Observation/1/_history/2", "/", "//", "DiagnosticReport/" + "x".repeat(5000)));
    List<ObjectNode> resources = new ArrayList<>();
    collect(root, n -> n instanceof ObjectNode o && o.has("resourceType") && o.has("id"), resources);
    resources.forEach(r -> targets.add(r.path("resourceType").asText() + "/" + r.path("id").asText()));
    resources.forEach(r -> targets.add("#" + r.path("id").asText()));
    List<ObjectNode> entries = new ArrayList<>();
    collect(root, n -> n instanceof ObjectNode o && o.has("fullUrl"), entries);
    entries.forEach(e -> targets.add(e.path("fullUrl").asText()));
    if (!references.isEmpty()) {
      int count = choices.between(1, Math.min(references.size(), 6));
      for (int i = 0; i < count; i++) {
        choices.pick(references).put("reference", choices.pick(targets));
      }
    }
  }

  private static void collect(JsonNode node, java.util.function.Predicate<JsonNode> test, List<ObjectNode> into) {
    if (test.test(node)) {
      into.add((ObjectNode) node);
    }
    node.forEach(child -> collect(child, test, into));
  }

  /** A deep nest of arrays, objects or FHIR extensions, from a few levels to far past every parser's limit. */
  private static String nesting(FuzzChoices choices) {
    int depth = choices.pick(List.of(10, 200, 999, 1_001, 5_000, 50_000));
    String[] shape = choices.pick(List.of(new String[] {"[", "]"}, new String[] {"{\"a\":", "}"},
        new String[] {"{\"url\":\"x\",\"extension\":[", "]}"}, new String[] {"{\"coding\":[{\"extension\":[", "]}]}"}));
    return shape[0].repeat(depth) + "1" + shape[1].repeat(depth);
  }

  private static List<Slot> slots(JsonNode root) {
    List<Slot> slots = new ArrayList<>();
    addSlots(root, "", slots);
    return slots;
  }

  private static void addSlots(JsonNode node, String path, List<Slot> into) {
    if (node instanceof ObjectNode object) {
      List<String> names = new ArrayList<>();
      object.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        into.add(new Slot(object, name, -1, path + "." + name));
        addSlots(object.get(name), path + "." + name, into);
      }
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        into.add(new Slot(array, null, i, path + "[" + i + "]"));
        addSlots(array.get(i), path + "[" + i + "]", into);
      }
    }
  }

  /** A place in the tree: a field of an object or an element of an array. */
  private record Slot(JsonNode parent, String name, int index, String path) {
    JsonNode value() {
      return parent instanceof ObjectNode o ? o.get(name) : parent.get(index);
    }

    void remove() {
      if (parent instanceof ObjectNode o) {
        o.remove(name);
      } else if (index < parent.size()) {
        ((ArrayNode) parent).remove(index);
      }
    }

    void replace(JsonNode value) {
      if (parent instanceof ObjectNode o) {
        o.set(name, value);
      } else if (index < parent.size()) {
        ((ArrayNode) parent).set(index, value);
      }
    }

    void rename(String name) {
      if (parent instanceof ObjectNode o && o.has(this.name)) {
        JsonNode value = o.remove(this.name);
        o.set(name, value);
      }
    }

    /** The field name, or empty for an array element. */
    String field() {
      return name == null ? "" : name;
    }
  }

  static JsonNode read(String text) {
    try {
      return JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String write(JsonNode node, boolean pretty) {
    try {
      return pretty ? JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node) : JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
