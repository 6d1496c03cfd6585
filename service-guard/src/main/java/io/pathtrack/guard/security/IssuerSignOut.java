package io.pathtrack.guard.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.util.UrlUtils;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Once the page session has ended here, the user is signed out at the issuer too (OpenID Connect RP-Initiated
 * Logout 1.0): sent to its {@code end_session_endpoint} with the ID token of the sign-in as {@code id_token_hint}, and
 * back to {@link PageProperties#SIGNED_OUT}. Without that, the issuer's own session would sign the next person at a
 * shared workstation straight back in as the last one. An issuer that publishes no end-session endpoint (or cannot be
 * reached) leaves its session alone, and the user goes straight to the signed-out page, which says so.
 */
final class IssuerSignOut implements LogoutSuccessHandler {
  private static final Logger log = LoggerFactory.getLogger(IssuerSignOut.class);

  private final ClientRegistrationRepository registrations;
  private final PageProperties pages;

  IssuerSignOut(ClientRegistrationRepository registrations, PageProperties pages) {
    this.registrations = registrations;
    this.pages = pages;
  }

  @Override
  public void onLogoutSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
      throws IOException {
    String signedOut = UriComponentsBuilder.fromUriString(UrlUtils.buildFullRequestUrl(request))
        .replacePath(request.getContextPath() + PageProperties.SIGNED_OUT).replaceQuery(null).fragment(null)
        .build().toUriString();
    String idToken = authentication instanceof PageCallerAuthentication page ? page.idToken() : null;
    Optional<String> endSession = idToken == null ? Optional.empty() : endSessionEndpoint();
    if (endSession.isEmpty()) {
      response.sendRedirect(signedOut + "?issuer=kept");
      return;
    }
    response.sendRedirect(UriComponentsBuilder.fromUriString(endSession.get())
        .queryParam("id_token_hint", idToken)
        .queryParam("client_id", pages.clientId())
        .queryParam("post_logout_redirect_uri", signedOut)
        .encode().build().toUriString());
  }

  private Optional<String> endSessionEndpoint() {
    try {
      ClientRegistration registration = registrations.findByRegistrationId(pages.clientId());
      Map<String, Object> metadata = registration == null ? Map.of()
          : registration.getProviderDetails().getConfigurationMetadata();
      return Optional.ofNullable(metadata.get("end_session_endpoint")).map(Object::toString);
    } catch (RuntimeException issuerUnreachable) {
      log.warn("Signed out here but not at the issuer: its discovery document could not be read ({})",
          issuerUnreachable.getClass().getSimpleName());
      return Optional.empty();
    }
  }
}
