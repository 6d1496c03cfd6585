package io.pathtrack.results.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a FHIR payload states its findings in, and the payload without it: the input the clinical
 * property is checked on (such a payload must never be classified benign).
 */
final class DiagnosticContent {
  private DiagnosticContent() {}

  /** Where a report states its findings (docs/architecture.md §4 evidence levels); Observations are removed whole. */
  static final Set<String> DIAGNOSTIC_FIELDS = Set.of("conclusion", "conclusionCode", "result", "presentedForm",
      "text", "valueString", "valueCodeableConcept", "hasMember", "component", "note", "interpretation", "section");

  /** The tree with every Observation and every field findings are stated in taken out. */
  static JsonNode removedFrom(JsonNode root) {
    if (root instanceof ObjectNode object) {
      object.remove(DIAGNOSTIC_FIELDS);
      Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        if (mayStateFindings(field.getValue()) || field.getValue() instanceof ObjectNode o && mayStateFindings(o.get("resource"))) {
          fields.remove();
        } else {
          removedFrom(field.getValue());
        }
      }
    } else if (root instanceof ArrayNode array) {
      for (int i = array.size() - 1; i >= 0; i--) {
        JsonNode item = array.get(i);
        if (mayStateFindings(item) || item instanceof ObjectNode o && mayStateFindings(o.get("resource"))) {
          array.remove(i);
        } else {
          removedFrom(item);
        }
      }
    }
    return root;
  }

  /** Observations, and any resource not known to hold no findings (Media, DocumentReference…). */
  private static boolean mayStateFindings(JsonNode node) {
    return node instanceof ObjectNode o && !"DiagnosticReport".equals(o.path("resourceType").asText())
        && !"Bundle".equals(o.path("resourceType").asText()) && o.has("resourceType")
        && !List.of("Patient", "Specimen", "ServiceRequest", "Practitioner", "Organization", "Encounter",
            "PractitionerRole", "MessageHeader", "Composition", "Device").contains(o.path("resourceType").asText());
  }
}
