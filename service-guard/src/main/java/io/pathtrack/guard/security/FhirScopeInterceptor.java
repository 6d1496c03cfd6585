package io.pathtrack.guard.security;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.util.Map;
import java.util.Optional;

/**
 * Checks SMART scopes for every interaction of a HAPI FHIR server: read and vread need {@code .r}, search
 * {@code .s}, create {@code .c}, update and patch {@code .u}, delete {@code .d}, of the resource in the path.
 * Operations ({@code $classify}), transactions and batches need what the service declares in its
 * {@link FhirOperationScopes}; one it does not declare is refused to everyone. The CapabilityStatement and the
 * OperationDefinitions it points to are open.
 */
@Interceptor
public final class FhirScopeInterceptor {
  private final FhirOperationScopes operations;

  public FhirScopeInterceptor(FhirOperationScopes operations) {
    this.operations = operations;
  }

  /**
   * What a write with a body needs, as far as the path tells before the body is read ({@link FhirWriteScopeFilter}
   * checks it then, so that a caller without the scope learns nothing from the body's parsing; everything is checked
   * again, by the interaction HAPI resolved, in {@link #check}).
   */
  Optional<SmartScope.Need> writeNeed(String method, String resourceName, boolean hasId, String operationName) {
    if (operationName != null && operationName.startsWith("$") && method.equals("POST")) {
      return Optional.ofNullable(operations.rules().get(operationName));
    }
    if (operationName != null) {
      return Optional.empty();
    }
    if (method.equals("POST") && resourceName == null) {
      return Optional.ofNullable(operations.rules().get(FhirOperationScopes.TRANSACTION));
    }
    if (method.equals("POST") && !hasId) {
      return Optional.of(new SmartScope.Need(resourceName, 'c'));
    }
    if (method.equals("PUT") || method.equals("PATCH")) {
      return resourceName == null ? Optional.empty() : Optional.of(new SmartScope.Need(resourceName, 'u'));
    }
    return Optional.empty();
  }

  @Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED)
  public void check(RequestDetails request, RestOperationTypeEnum operation) {
    describe(request, operation);
    Optional<SmartScope.Need> need;
    try {
      need = needOf(operation, request.getResourceName(), request.getOperation());
    } catch (NoRule none) {
      throw AccessRefused.fhir("this interaction has no access rule, so nobody may use it");
    }
    if (need.isEmpty()) {
      return;
    }
    Caller caller = Caller.current().orElseThrow(() -> AccessRefused.fhir("this request carries no valid token"));
    if (!caller.permits(need.get())) {
      throw AccessRefused.fhir(ScopeInterceptor.missingScope(need.get()));
    }
  }

  /**
   * Tells the access audit what HAPI resolved — the interaction, and the resource with its id as decoded — so that
   * the record names the resource served whatever encoding the path used.
   */
  private static void describe(RequestDetails request, RestOperationTypeEnum operation) {
    if (!(request instanceof ca.uhn.fhir.rest.server.servlet.ServletRequestDetails servlet)) {
      return;
    }
    String type = request.getResourceName();
    String id = request.getId() != null && request.getId().hasIdPart() ? request.getId().getIdPart() : null;
    servlet.getServletRequest().setAttribute(AccessAudit.INTERACTION, operation.getCode() == null || operation.getCode().isEmpty()
        ? "operation" : operation.getCode().startsWith("$") || operation.getCode().startsWith("_") ? "operation" : operation.getCode());
    servlet.getServletRequest().setAttribute(AccessAudit.ENTITY, type == null ? null : id == null ? type : type + "/" + id);
  }

  /**
   * What an interaction needs: empty for the open ones (the CapabilityStatement).
   *
   * @throws NoRule when nothing is declared for it
   */
  public Optional<SmartScope.Need> needOf(RestOperationTypeEnum operation, String resourceName, String operationName) {
    char interaction = switch (operation) {
      case METADATA -> ' ';
      case READ, VREAD, HISTORY_INSTANCE, HISTORY_TYPE -> 'r';
      case SEARCH_TYPE -> 's';
      case CREATE -> 'c';
      case UPDATE, PATCH -> 'u';
      case DELETE -> 'd';
      default -> '?';
    };
    if (interaction == ' ' || (interaction == 'r' && "OperationDefinition".equals(resourceName))) {
      // What the server is and what its operations take: no patient data, and what a client reads first.
      return Optional.empty();
    }
    if (interaction != '?' && resourceName != null) {
      return Optional.of(new SmartScope.Need(resourceName, interaction));
    }
    String key = switch (operation) {
      case TRANSACTION -> FhirOperationScopes.TRANSACTION;
      case BATCH -> FhirOperationScopes.BATCH;
      case GET_PAGE -> FhirOperationScopes.GET_PAGE;
      default -> operationName;
    };
    return Optional.of(Optional.ofNullable(key).map(operations.rules()::get).orElseThrow(NoRule::new));
  }

  /** An interaction the service has declared nothing for. */
  public static final class NoRule extends RuntimeException {
    NoRule() {
      super("no access rule");
    }
  }

  /** The declared rules, for tests that check every binding has one. */
  public Map<String, SmartScope.Need> declared() {
    return operations.rules();
  }
}
