package io.pathtrack.results.fuzz;

import java.util.List;

/**
 * One generated input: the bytes and content type as a sender would send them.
 *
 * @param channel what the input pretends to be ({@code json}, {@code xml}, {@code hl7}); names the
 *     folder its regression seed is kept in
 * @param withoutDiagnosticContent the mutator removed every element a report states its findings in
 *     (conclusion, coded conclusion, results, attached and narrative text; OBX and NTE in HL7 v2) and
 *     added none: such an input must never be classified benign
 * @param recipe the mutations applied, for the failure message
 */
record FuzzInput(String channel, byte[] payload, String contentType, boolean withoutDiagnosticContent, List<String> recipe) {

  FuzzInput {
    recipe = List.copyOf(recipe);
  }

  String describe() {
    return channel + " input of " + payload.length + " bytes, content type " + contentType
        + (withoutDiagnosticContent ? ", without diagnostic content" : "") + ", recipe " + recipe;
  }
}
