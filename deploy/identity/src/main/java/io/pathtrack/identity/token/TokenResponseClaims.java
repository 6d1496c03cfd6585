package io.pathtrack.identity.token;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AccessTokenAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AccessTokenAuthenticationToken;

/**
 * Makes the token response tell what the access token holds: its {@code scope} (which {@link PathTrackClaims}
 * may have narrowed; RFC 6749 §5.1 wants the granted scope named when it differs from the requested one)
 * and, for a signed-in user, {@code fhirUser} beside the token, as SMART App Launch does.
 */
public final class TokenResponseClaims implements Consumer<OAuth2AccessTokenAuthenticationContext> {
  private final OAuth2AuthorizationService authorizations;

  public TokenResponseClaims(OAuth2AuthorizationService authorizations) {
    this.authorizations = authorizations;
  }

  @Override
  public void accept(OAuth2AccessTokenAuthenticationContext context) {
    OAuth2AccessTokenAuthenticationToken issued = context.getAuthentication();
    OAuth2Authorization authorization =
        authorizations.findByToken(issued.getAccessToken().getTokenValue(), OAuth2TokenType.ACCESS_TOKEN);
    Map<String, Object> claims = authorization == null ? null : authorization.getAccessToken().getClaims();
    if (claims == null) {
      return;
    }
    if (claims.get(OAuth2ParameterNames.SCOPE) instanceof Collection<?> scopes) {
      Set<String> granted = new LinkedHashSet<>();
      scopes.forEach(scope -> granted.add(String.valueOf(scope)));
      context.getAccessTokenResponse().scopes(granted);
    }
    Object fhirUser = claims.get(PathTrackClaims.FHIR_USER);
    if (fhirUser != null) {
      Map<String, Object> parameters = new LinkedHashMap<>(issued.getAdditionalParameters());
      parameters.put(PathTrackClaims.FHIR_USER, fhirUser);
      context.getAccessTokenResponse().additionalParameters(parameters);
    }
  }
}
