package io.pathtrack.guard.security;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The issuer's OpenID Connect discovery document ({@code /.well-known/openid-configuration}), read when first
 * needed and kept once read: where clients sign in, get tokens and find the signing keys.
 */
final class IssuerMetadata {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final String issuer;
  private final AtomicReference<Map<String, Object>> document = new AtomicReference<>();

  IssuerMetadata(String issuer) {
    this.issuer = issuer;
  }

  String issuer() {
    return issuer;
  }

  /** The discovery document, or empty while the issuer cannot be reached (asked again next time). */
  @SuppressWarnings("unchecked")
  Optional<Map<String, Object>> document() {
    Map<String, Object> known = document.get();
    if (known != null) {
      return Optional.of(known);
    }
    try {
      HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(URI.create(issuer + "/.well-known/openid-configuration"))
          .timeout(Duration.ofSeconds(5)).header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        return Optional.empty();
      }
      Map<String, Object> read = JSON.readValue(response.body(), Map.class);
      document.compareAndSet(null, read);
      return Optional.of(document.get());
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /** An endpoint named in the discovery document, or a guess from the issuer when it cannot be read. */
  String endpoint(String name, String fallbackPath) {
    return document().map(d -> d.get(name)).map(String::valueOf).orElse(issuer + fallbackPath);
  }
}
