package io.pathtrack.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small HTTP client for tests that talk to the services as an integrator would. */
public final class Http {
  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private Http() {}

  /** Chooses the bearer token of a request that names none; empty sends none. */
  public interface Authorizer {
    java.util.Optional<String> token(String method, URI uri);
  }

  private static volatile Authorizer authorizer = (method, uri) -> java.util.Optional.empty();

  /**
   * Every request without an Authorization header of its own gets the token this chooses (the services need one on
   * every call); {@link #sendAnonymous} sends a request as it is.
   */
  public static void authorizeWith(Authorizer chooser) {
    authorizer = chooser;
  }

  private static HttpRequest authorized(HttpRequest.Builder builder) {
    return authorized(builder.build());
  }

  private static HttpRequest authorized(HttpRequest request) {
    if (request.headers().firstValue("Authorization").isPresent()) {
      return request;
    }
    return authorizer.token(request.method(), request.uri())
        .map(token -> HttpRequest.newBuilder(request, (name, value) -> true).header("Authorization", "Bearer " + token).build())
        .orElse(request);
  }

  /** An answer: status, body and headers (header names are compared ignoring case). */
  public record Response(int status, String body, java.net.http.HttpHeaders headers) {
    public Response(int status, String body) {
      this(status, body, java.net.http.HttpHeaders.of(java.util.Map.of(), (name, value) -> true));
    }

    /** The first value of a header, or null. */
    public String header(String name) {
      return headers.firstValue(name).orElse(null);
    }
  }

  public static Response post(String url, String contentType, String body) {
    return post(url, contentType, body, java.util.Map.of());
  }

  public static Response post(String url, String contentType, String body, java.util.Map<String, String> headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", contentType)
        .header("Accept", "application/fhir+json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(request::header);
    return send(authorized(request));
  }

  public static Response put(String url, String contentType, String body) {
    return put(url, contentType, body, java.util.Map.of());
  }

  public static Response put(String url, String contentType, String body, java.util.Map<String, String> headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", contentType)
        .header("Accept", "application/fhir+json")
        .PUT(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(request::header);
    return send(authorized(request));
  }

  public static Response get(String url) {
    return get(url, "application/json, application/fhir+json");
  }

  public static Response get(String url, String accept) {
    return get(url, accept, java.util.Map.of());
  }

  public static Response get(String url, String accept, java.util.Map<String, String> headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
        .timeout(Duration.ofSeconds(30))
        .header("Accept", accept)
        .GET();
    headers.forEach(request::header);
    return send(authorized(request));
  }

  /** A request built by the caller, for what the helpers above do not cover (a streamed body, another method). */
  public static Response send(HttpRequest request) {
    return sendAnonymous(authorized(request));
  }

  /** The request exactly as built: no token is added. */
  public static Response sendAnonymous(HttpRequest request) {
    try {
      HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.body(), response.headers());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
