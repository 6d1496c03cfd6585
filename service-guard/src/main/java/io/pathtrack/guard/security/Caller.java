package io.pathtrack.guard.security;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who is calling, read from the bearer token: the user (as a FHIR reference, {@code Practitioner/dr-lee}) when a
 * person signed in, the client application always, the user's roles and the SMART scopes granted.
 *
 * @param subject the token's {@code sub}
 * @param clientId the application that asked for the token
 * @param fhirUser the signed-in user as a FHIR reference; empty for a system client acting on its own
 * @param expiresAt when the token expires
 */
public record Caller(String subject, String clientId, Optional<String> fhirUser, Set<String> roles, List<SmartScope> scopes,
    Optional<java.time.Instant> expiresAt) {
  public static final String LAB_MANAGER = "lab-manager";
  public static final String RESULTS_DESK = "results-desk";

  /** The caller of the request this thread serves, when it presented a valid token or is signed in to the pages. */
  public static Optional<Caller> current() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication instanceof CallerAuthentication token) {
      return Optional.of(token.caller());
    }
    if (authentication instanceof PageCallerAuthentication signedIn) {
      return Optional.ofNullable(signedIn.caller());
    }
    return Optional.empty();
  }

  /** The caller of this request; only endpoints that need no token are without one. */
  public static Caller required() {
    return current().orElseThrow(() -> new AccessRefused("this request carries no valid token"));
  }

  static Caller of(Jwt jwt, AccessProperties properties) {
    String client = firstText(jwt, "client_id", "azp", "cid");
    String fhirUser = jwt.getClaimAsString(properties.fhirUserClaim());
    Set<String> roles = new LinkedHashSet<>(strings(jwt.getClaim(properties.rolesClaim())));
    List<SmartScope> scopes = new java.util.ArrayList<>();
    for (String scope : scopeTexts(jwt)) {
      SmartScope.parse(scope).ifPresent(scopes::add);
    }
    return new Caller(jwt.getSubject(), client == null ? jwt.getSubject() : client,
        Optional.ofNullable(fhirUser).filter(s -> !s.isBlank()), Set.copyOf(roles), List.copyOf(scopes),
        Optional.ofNullable(jwt.getExpiresAt()));
  }

  /** Whether a scope granted to this caller lets it do what the rule needs (a user scope only with a user). */
  public boolean permits(SmartScope.Need need) {
    return scopes.stream().filter(s -> !s.context().equals("user") || fhirUser.isPresent())
        .filter(s -> !need.systemOnly() || (s.context().equals("system") && isSystem()))
        .anyMatch(s -> s.permits(need.resource(), need.interaction()));
  }

  /** Whether the caller may see everything of the lab: a lab role, or a system client (no user, a system scope). */
  public boolean seesWholeLab() {
    return roles.contains(LAB_MANAGER) || roles.contains(RESULTS_DESK) || isSystem();
  }

  /** A system client acting on its own: no signed-in user, and {@code system/} scopes. */
  public boolean isSystem() {
    return fhirUser.isEmpty() && scopes.stream().anyMatch(s -> s.context().equals("system"));
  }

  /**
   * Whether the caller may see what concerns this practitioner's patients: the lab and system clients see all,
   * a practitioner what is addressed to or ordered by them.
   */
  public boolean mayView(String practitioner) {
    return seesWholeLab() || fhirUser.map(u -> u.equals(practitioner)).orElse(false);
  }

  /** The signed-in user, or the client when no person is behind the call: for the audit trail. */
  public String describe() {
    return fhirUser.map(u -> u + " via " + clientId).orElse("client " + clientId);
  }

  private static String firstText(Jwt jwt, String... names) {
    for (String name : names) {
      Object value = jwt.getClaim(name);
      if (value instanceof String s && !s.isBlank()) {
        return s;
      }
    }
    return null;
  }

  private static List<String> scopeTexts(Jwt jwt) {
    Object scope = jwt.getClaim("scope");
    if (scope == null) {
      scope = jwt.getClaim("scp");
    }
    if (scope instanceof String s) {
      return List.of(s.trim().split("\\s+"));
    }
    return strings(scope);
  }

  private static List<String> strings(Object value) {
    if (value instanceof Collection<?> c) {
      return c.stream().filter(String.class::isInstance).map(String.class::cast).toList();
    }
    if (value instanceof String s && !s.isBlank()) {
      return List.of(s);
    }
    return List.of();
  }
}
