package io.pathtrack.guard.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Pages for people ({@code pathtrack.security.pages.*}): a service that serves them signs its users in through the
 * issuer of {@code pathtrack.security.issuer-uri} (authorization code with PKCE) and keeps them in a session.
 *
 * @param enabled whether this service serves pages; off, it answers bearer-token calls only
 * @param clientId the public client the pages sign in with
 * @param scopes what the pages ask for; the signed-in user's access token carries what was granted
 * @param home where a user lands after signing in when no page was asked for
 */
@ConfigurationProperties("pathtrack.security.pages")
public record PageProperties(
    @DefaultValue("false") boolean enabled,
    @DefaultValue("pathtrack-web") String clientId,
    @DefaultValue({"openid", "fhirUser", "user/Communication.rsu", "user/Specimen.rs"}) List<String> scopes,
    @DefaultValue("/ui/") String home) {

  /** The paths the pages' session-based sign-in covers; everything else needs a bearer token. */
  public static final String[] PATHS = {"/ui/**", "/oauth2/**", "/login/**"};
  /** Style sheets and scripts of the pages: nothing about a patient, served without a session. */
  public static final String ASSETS = "/ui/assets/**";
  /** Where a signed-in user signs out (POST, with the page's CSRF token). */
  public static final String SIGN_OUT = "/ui/sign-out";
  /** The page a user lands on once signed out, here and at the issuer; open, it says nothing about anyone. */
  public static final String SIGNED_OUT = "/ui/signed-out";
}
