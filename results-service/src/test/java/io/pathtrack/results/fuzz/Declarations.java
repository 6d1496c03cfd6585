package io.pathtrack.results.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/** Whether an input holds an XML DOCTYPE or ENTITY declaration, in any of the encodings a sender may use. */
final class Declarations {
  static final Pattern DECLARATION = Pattern.compile("<!\\s*(DOCTYPE|ENTITY)", Pattern.CASE_INSENSITIVE);

  private Declarations() {}

  /** True when the bytes, read as UTF-8, UTF-16 or Latin-1, hold a DOCTYPE or ENTITY declaration. */
  static boolean declaresDoctypeOrEntity(byte[] payload) {
    for (var charset : List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE,
        StandardCharsets.ISO_8859_1)) {
      if (DECLARATION.matcher(new String(payload, charset)).find()) {
        return true;
      }
    }
    return false;
  }
}
