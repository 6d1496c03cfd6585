package io.pathtrack.identity;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Configuration of the identity server ({@code pathtrack.identity.*}). The issuer is Spring's own
 * {@code spring.security.oauth2.authorizationserver.issuer}.
 *
 * @param directory the practitioner directory (a FHIR Bundle, JSON) the development users come from:
 *     {@code classpath:…} or {@code file:…}
 * @param audience the audience every access token names, so a service accepts only tokens meant for PathTrack
 * @param accessTokenTtl how long an access token lives
 * @param webRedirectUris where {@code pathtrack-web} may be sent back with its code; for a loopback IP
 *     ({@code 127.0.0.1}) the port is not compared (RFC 8252 §7.3), so native apps and tests may listen anywhere
 * @param webPostLogoutRedirectUris where {@code pathtrack-web} may send a user back after signing out at this
 *     server; on {@code 127.0.0.1} the port is not compared either
 * @param shortLivedClient whether to register {@code lis-short-lived}, whose tokens live one second (tests of expiry)
 */
@ConfigurationProperties("pathtrack.identity")
public record IdentityProperties(
    @DefaultValue("classpath:practitioner-directory.json") String directory,
    @DefaultValue("pathtrack") String audience,
    @DefaultValue("5m") Duration accessTokenTtl,
    @DefaultValue({
        "http://localhost:8083/login/oauth2/code/pathtrack-web",
        "http://127.0.0.1:8083/login/oauth2/code/pathtrack-web",
        "http://localhost:8082/login/oauth2/code/pathtrack-web",
        "http://127.0.0.1:8082/login/oauth2/code/pathtrack-web"
    }) List<String> webRedirectUris,
    @DefaultValue({
        "http://localhost:8083/ui/signed-out",
        "http://127.0.0.1:8083/ui/signed-out",
        "http://localhost:8082/ui/signed-out",
        "http://127.0.0.1:8082/ui/signed-out"
    }) List<String> webPostLogoutRedirectUris,
    @DefaultValue("false") boolean shortLivedClient) {

  public IdentityProperties {
    if (audience.isBlank()) {
      throw new IllegalArgumentException("pathtrack.identity.audience must not be blank");
    }
    if (accessTokenTtl.isNegative() || accessTokenTtl.isZero()) {
      throw new IllegalArgumentException("pathtrack.identity.access-token-ttl must be positive");
    }
    webRedirectUris = List.copyOf(webRedirectUris);
    webPostLogoutRedirectUris = List.copyOf(webPostLogoutRedirectUris);
  }
}
