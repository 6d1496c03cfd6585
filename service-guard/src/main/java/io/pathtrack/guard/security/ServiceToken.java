package io.pathtrack.guard.security;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.function.Supplier;
import tools.jackson.databind.json.JsonMapper;

/**
 * A confidential client's access token (OAuth 2.0 client credentials), from the issuer's token endpoint, kept until
 * shortly before it expires: the service's own ({@code pathtrack.instances.client-id} and its secret), with which one
 * instance asks another for its share of the state; the simulated LIS's and the benchmark's in the local stack. A token that cannot be had is an {@link IllegalStateException} naming
 * the status, never the answer's body.
 */
public final class ServiceToken implements Supplier<String> {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration MARGIN = Duration.ofSeconds(30);

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final IssuerMetadata issuer;
  private final String basic;
  private final String scope;
  private final Clock clock;
  private String token;
  private Instant renewAt = Instant.MIN;

  /**
   * A confidential client's token from this issuer (its token endpoint from the discovery document, or
   * {@code <issuer>/oauth2/token}).
   *
   * @param scope the scopes asked for, space-separated (a token asked for with none grants none)
   */
  public static ServiceToken of(String issuer, String clientId, String secret, String scope, Clock clock) {
    return new ServiceToken(new IssuerMetadata(issuer), clientId, secret, scope, clock);
  }

  ServiceToken(IssuerMetadata issuer, String clientId, String secret, String scope, Clock clock) {
    this.issuer = issuer;
    this.basic = Base64.getEncoder().encodeToString((URLEncoder.encode(clientId, StandardCharsets.UTF_8) + ":"
        + URLEncoder.encode(secret, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
    this.scope = scope;
    this.clock = clock;
  }

  @Override
  public synchronized String get() {
    if (token == null || !clock.instant().isBefore(renewAt)) {
      fetch();
    }
    return token;
  }

  /** Forgets the token, so the next call asks for a new one (a peer refused it: keys rotated, say). */
  public synchronized void forget() {
    token = null;
  }

  @SuppressWarnings("unchecked")
  private void fetch() {
    URI endpoint = URI.create(issuer.endpoint("token_endpoint", "/oauth2/token"));
    try {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(10))
          .header("Authorization", "Basic " + basic).header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope="
              + URLEncoder.encode(scope, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("the issuer's token endpoint answered " + response.statusCode()
            + " to this service's client credentials");
      }
      Map<String, Object> answer = JSON.readValue(response.body(), Map.class);
      if (!(answer.get("access_token") instanceof String granted)) {
        throw new IllegalStateException("the issuer's token endpoint answered without an access token");
      }
      token = granted;
      long lifetime = answer.get("expires_in") instanceof Number n ? n.longValue() : 60;
      renewAt = clock.instant().plusSeconds(lifetime).minus(MARGIN);
    } catch (IOException e) {
      throw new IllegalStateException("the issuer's token endpoint could not be reached (" + e.getClass().getSimpleName() + ")", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while asking for this service's token", e);
    }
  }
}
