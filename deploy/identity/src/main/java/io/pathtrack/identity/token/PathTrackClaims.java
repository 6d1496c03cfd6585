package io.pathtrack.identity.token;

import io.pathtrack.identity.Role;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2TokenIntrospectionClaimNames;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * The claims PathTrack's services read, added to every token this server signs:
 *
 * <ul>
 *   <li>access tokens: {@code client_id} (RFC 9068), the PathTrack audience added to {@code aud}, and for a
 *       signed-in user {@code fhirUser} ({@code Practitioner/<username>}, as SMART App Launch names it) and
 *       {@code roles}; {@value #AUDIT_EVENT_READ} is taken out of {@code scope} unless the user is a lab
 *       manager (the audit trail is theirs to read);
 *   <li>ID tokens: {@code fhirUser} and {@code roles}.
 * </ul>
 *
 * Usernames are Practitioner ids (the development users are the practitioner directory).
 */
public final class PathTrackClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {
  public static final String FHIR_USER = "fhirUser";
  public static final String ROLES = "roles";
  public static final String AUDIT_EVENT_READ = "user/AuditEvent.rs";

  private final String audience;

  public PathTrackClaims(String audience) {
    this.audience = audience;
  }

  @Override
  public void customize(JwtEncodingContext context) {
    boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
    boolean idToken = OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
    if (accessToken) {
      context.getClaims()
          .claim(OAuth2TokenIntrospectionClaimNames.CLIENT_ID, context.getRegisteredClient().getClientId())
          .claims(claims -> claims.put(JwtClaimNames.AUD, withAudience(claims.get(JwtClaimNames.AUD))));
    }
    if (!signedInUser(context) || !(accessToken || idToken)) {
      return;
    }
    Authentication user = context.getPrincipal();
    Set<Role> roles = roles(user.getAuthorities());
    context.getClaims()
        .claim(FHIR_USER, "Practitioner/" + user.getName())
        .claim(ROLES, roles.stream().map(Role::claimValue).toList());
    if (accessToken && !roles.contains(Role.LAB_MANAGER)) {
      context.getClaims().claims(claims -> claims.computeIfPresent(OAuth2ParameterNames.SCOPE,
          (name, scopes) -> without(AUDIT_EVENT_READ, scopes)));
    }
  }

  private static boolean signedInUser(JwtEncodingContext context) {
    return !AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType());
  }

  private List<String> withAudience(Object current) {
    Set<String> audiences = new LinkedHashSet<>();
    if (current instanceof Collection<?> values) {
      values.forEach(value -> audiences.add(String.valueOf(value)));
    } else if (current != null) {
      audiences.add(String.valueOf(current));
    }
    audiences.add(audience);
    return List.copyOf(audiences);
  }

  private static Set<Role> roles(Collection<? extends GrantedAuthority> authorities) {
    return authorities.stream()
        .flatMap(authority -> Role.ofAuthority(authority.getAuthority()).stream())
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }

  private static Set<String> without(String scope, Object scopes) {
    Set<String> kept = new LinkedHashSet<>();
    ((Collection<?>) scopes).forEach(value -> kept.add(String.valueOf(value)));
    kept.remove(scope);
    return kept;
  }
}
