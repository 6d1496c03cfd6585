package io.pathtrack.results.hl7;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Name-based UUIDs ({@code urn:uuid:}) for the resources of one report (Bundle.entry.fullUrl), stable for
 * the same message content.
 */
final class ResourceIds {
  private final String seed;
  private int counter;

  ResourceIds(String seed) {
    this.seed = seed;
  }

  String next(String kind) {
    return "urn:uuid:" + UUID.nameUUIDFromBytes((seed + "|" + kind + "|" + counter++).getBytes(StandardCharsets.UTF_8));
  }
}
