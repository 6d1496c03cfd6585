package io.pathtrack.guard.security;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a service's FHIR operations, transactions and batches need, declared by the service as a bean: e.g.
 * {@code $classify} → {@code DiagnosticReport.c}. Plain interactions (read, search, create, update) need no
 * declaration: their scope follows from the resource in the path.
 */
public record FhirOperationScopes(Map<String, SmartScope.Need> rules) {
  public static final String TRANSACTION = "transaction";
  public static final String BATCH = "batch";
  /** The next page of a search ({@code ?_getpages=}), served only by a server with a paging provider. */
  public static final String GET_PAGE = "_getpages";

  /** Pairs of name ({@code $op}, {@code transaction}, {@code batch}) and rule ({@code Resource.x}). */
  public static FhirOperationScopes of(String... pairs) {
    Map<String, SmartScope.Need> rules = new LinkedHashMap<>();
    for (int i = 0; i + 1 < pairs.length; i += 2) {
      rules.put(pairs[i], SmartScope.Need.of(pairs[i + 1]));
    }
    return new FhirOperationScopes(Map.copyOf(rules));
  }
}
