package io.pathtrack.testsupport.fuzz;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Structure-aware mutations of a valid JSON body: fields dropped, duplicated, renamed or retyped, values
 * made hostile or huge, a value nested thousands deep; then, now and then, the text truncated or its bytes
 * flipped. Each mutation says what it did, so a failing try reads as a recipe.
 */
public final class JsonMutator {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String NEST = "\u0000nest\u0000";

  /** A mutated body and how it was made. */
  public record Mutated(byte[] body, String recipe) {
    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  private JsonMutator() {}

  /** One mutation of {@code valid}, chosen by {@code random}. */
  public static Mutated mutate(String valid, Random random) {
    JsonNode root = read(valid);
    List<String> recipe = new ArrayList<>();
    List<String> duplicated = new ArrayList<>();
    String nested = null;
    int operations = 1 + random.nextInt(4);
    for (int i = 0; i < operations; i++) {
      List<Slot> slots = new ArrayList<>();
      addSlots(root, "", slots);
      if (slots.isEmpty()) {
        break;
      }
      Slot slot = slots.get(random.nextInt(slots.size()));
      int op = random.nextInt(8);
      switch (op) {
        case 0 -> slot.remove();
        case 1 -> {
          if (slot.parent() instanceof ArrayNode array) {
            array.insert(slot.index(), slot.value().deepCopy());
          } else {
            duplicated.add(slot.name());
          }
        }
        case 2 -> slot.replace(retyped(slot.value(), random));
        case 3 -> slot.replace(new TextNode(hostile(slot.value(), random)));
        case 4 -> slot.replace(new TextNode(HostileText.huge(random)));
        case 5 -> {
          if (nested == null) {
            nested = nesting(random);
            slot.replace(new TextNode(NEST));
          }
        }
        case 6 -> slot.rename(List.of(slot.name() + "_", "_" + slot.name(), "", "resourceType", "extension",
            slot.name().toUpperCase(java.util.Locale.ROOT)).get(random.nextInt(6)));
        default -> slot.replace(number(random));
      }
      recipe.add(List.of("drop", "duplicate", "retype", "hostile", "huge", "nest", "rename", "number").get(op) + ":" + slot.path());
    }
    String text = write(root);
    if (nested != null) {
      text = text.replace("\"" + NEST + "\"", nested);
    }
    for (String key : duplicated) {
      int at = text.indexOf("\"" + key + "\":");
      if (at >= 0) {
        text = text.substring(0, at) + "\"" + key + "\":" + write(retyped(TextNode.valueOf(""), random)) + "," + text.substring(at);
      }
    }
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    if (random.nextInt(4) == 0) {
      body = damaged(body, random, recipe);
    }
    return new Mutated(body, String.join(" ", recipe));
  }

  private static byte[] damaged(byte[] body, Random random, List<String> recipe) {
    byte[] copy = body.clone();
    switch (random.nextInt(3)) {
      case 0 -> {
        recipe.add("truncated");
        return java.util.Arrays.copyOf(copy, random.nextInt(copy.length + 1));
      }
      case 1 -> {
        int flips = 1 + random.nextInt(8);
        for (int i = 0; i < flips && copy.length > 0; i++) {
          copy[random.nextInt(copy.length)] ^= (byte) (1 << random.nextInt(8));
        }
        recipe.add("bytes-flipped:" + flips);
        return copy;
      }
      default -> {
        recipe.add("control-bytes");
        for (int i = 0; i < 4 && copy.length > 0; i++) {
          copy[random.nextInt(copy.length)] = List.of((byte) 0, (byte) '\r', (byte) '\n', (byte) 0x1b).get(random.nextInt(4));
        }
        return copy;
      }
    }
  }

  private static JsonNode retyped(JsonNode value, Random random) {
    return switch (random.nextInt(9)) {
      case 0 -> NODES.nullNode();
      case 1 -> NODES.booleanNode(random.nextBoolean());
      case 2 -> number(random);
      case 3 -> NODES.objectNode();
      case 4 -> NODES.arrayNode();
      case 5 -> NODES.arrayNode().add(value.deepCopy());
      case 6 -> NODES.objectNode().set("value", value.deepCopy());
      case 7 -> new TextNode(write(value));
      default -> NODES.objectNode().put("resourceType", List.of("Specimen", "Bundle", "Parameters", "", "Foo").get(random.nextInt(5)));
    };
  }

  private static JsonNode number(Random random) {
    return switch (random.nextInt(5)) {
      case 0 -> NODES.numberNode(Long.MIN_VALUE);
      case 1 -> NODES.numberNode(1e308);
      case 2 -> NODES.numberNode(new java.math.BigDecimal("1e-99999"));
      case 3 -> NODES.numberNode(new java.math.BigInteger("9".repeat(400)));
      default -> NODES.numberNode(random.nextInt(5) - 2);
    };
  }

  private static String hostile(JsonNode value, Random random) {
    String original = value.isTextual() ? value.asText() : "";
    String inserted = HostileText.any(random);
    if (original.isEmpty() || random.nextInt(3) == 0) {
      return inserted;
    }
    int at = random.nextInt(original.length() + 1);
    return original.substring(0, at) + inserted + original.substring(at);
  }

  /** A nest of arrays or objects, from a few levels to far past every parser's limit. */
  private static String nesting(Random random) {
    int depth = List.of(10, 200, 1_001, 5_000, 20_000).get(random.nextInt(5));
    String[] shape = List.of(new String[] {"[", "]"}, new String[] {"{\"a\":", "}"},
        new String[] {"{\"url\":\"x\",\"extension\":[", "]}"}).get(random.nextInt(3));
    return shape[0].repeat(depth) + "1" + shape[1].repeat(depth);
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
        into.add(new Slot(array, "", i, path + "[" + i + "]"));
        addSlots(array.get(i), path + "[" + i + "]", into);
      }
    }
  }

  private static JsonNode read(String json) {
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String write(JsonNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
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

    void rename(String newName) {
      if (parent instanceof ObjectNode o && o.has(name)) {
        JsonNode value = o.remove(name);
        o.set(newName, value);
      }
    }
  }
}
