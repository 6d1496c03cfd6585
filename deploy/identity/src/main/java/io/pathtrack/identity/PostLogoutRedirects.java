package io.pathtrack.identity;

import java.net.URI;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcLogoutAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcLogoutAuthenticationToken;
import org.springframework.util.StringUtils;

/**
 * Where a client may send a user back after signing out ({@code post_logout_redirect_uri}): one of the client's
 * registered post-logout redirect URIs, compared exactly, or — as for sign-in redirects (RFC 8252 §7.3) — a
 * registered one on the loopback IP address {@code 127.0.0.1} with any port, so a page served on a port chosen at
 * run time can sign out too. Anything else is refused ({@code invalid_request}), so the end-session endpoint is no
 * open redirector.
 */
final class PostLogoutRedirects implements Consumer<OidcLogoutAuthenticationContext> {

  @Override
  public void accept(OidcLogoutAuthenticationContext context) {
    OidcLogoutAuthenticationToken logout = context.getAuthentication();
    String requested = logout.getPostLogoutRedirectUri();
    if (StringUtils.hasText(requested) && !allowed(requested, context.getRegisteredClient().getPostLogoutRedirectUris())) {
      throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_REQUEST,
          "OpenID Connect 1.0 Logout Request Parameter: post_logout_redirect_uri is not registered for this client", null));
    }
  }

  static boolean allowed(String requested, Set<String> registered) {
    if (registered.contains(requested)) {
      return true;
    }
    URI uri;
    try {
      uri = new URI(requested);
    } catch (java.net.URISyntaxException e) {
      return false;
    }
    if (!"127.0.0.1".equals(uri.getHost()) || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
      return false;
    }
    return registered.stream().map(URI::create).anyMatch(r -> "127.0.0.1".equals(r.getHost())
        && r.getScheme().equals(uri.getScheme()) && java.util.Objects.equals(r.getRawPath(), uri.getRawPath())
        && java.util.Objects.equals(r.getRawQuery(), uri.getRawQuery()));
  }
}
