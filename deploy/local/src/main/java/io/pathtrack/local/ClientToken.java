package io.pathtrack.local;

import java.io.IOException;
import java.net.URI;
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
 * A confidential client's access token (OAuth 2.0 client credentials), fetched from the issuer's token endpoint
 * and kept until shortly before it expires: how the simulated LIS authenticates to the services.
 */
public final class ClientToken implements Supplier<String> {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration MARGIN = Duration.ofSeconds(30);

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI tokenEndpoint;
  private final String basic;
  private final String scope;
  private final Clock clock;
  private String token;
  private Instant renewAt = Instant.MIN;

  /** @param scope the scopes asked for, space-separated (a token asked for with none grants none) */
  public ClientToken(String issuer, String clientId, String secret, String scope, Clock clock) {
    this.tokenEndpoint = URI.create(issuer + "/oauth2/token");
    this.scope = scope;
    this.basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
    this.clock = clock;
  }

  @Override
  public synchronized String get() {
    if (token == null || !clock.instant().isBefore(renewAt)) {
      fetch();
    }
    return token;
  }

  @SuppressWarnings("unchecked")
  private void fetch() {
    try {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(tokenEndpoint).timeout(Duration.ofSeconds(10))
          .header("Authorization", "Basic " + basic).header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope="
              + java.net.URLEncoder.encode(scope, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("the token endpoint answered " + response.statusCode());
      }
      Map<String, Object> answer = JSON.readValue(response.body(), Map.class);
      token = (String) answer.get("access_token");
      long lifetime = ((Number) answer.getOrDefault("expires_in", 60)).longValue();
      renewAt = clock.instant().plusSeconds(lifetime).minus(MARGIN);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
