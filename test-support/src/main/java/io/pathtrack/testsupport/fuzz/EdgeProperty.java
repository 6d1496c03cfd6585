package io.pathtrack.testsupport.fuzz;

import io.pathtrack.contract.Fhir;
import io.pathtrack.testsupport.EdgeAnswers;
import io.pathtrack.testsupport.Http;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.hl7.fhir.r4.model.OperationOutcome;

/**
 * What a fuzzed request to a service's HTTP edge must get: a 2xx or 4xx, never a 5xx, and every 4xx an
 * OperationOutcome in JSON (XML only when {@code _format=xml} asked for it) naming no internals. Counts the statuses for the run's one-line summary.
 */
public final class EdgeProperty {
  private static final List<String> CONTENT_TYPES = List.of("application/fhir+json", "application/json",
      "application/fhir+json; charset=UTF-8", "application/json+fhir", "application/fhir+xml", "text/plain",
      "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/json; charset=UTF-16",
      "application/fhir+json; charset=nonsense", "*/*", "nonsense", "");

  private final long seed;
  private final Map<Integer, Integer> statuses = new TreeMap<>();
  private int tries;

  public EdgeProperty(long seed) {
    this.seed = seed;
  }

  /** Mostly {@code usual}, now and then another content type, a broken one, or none ({@code ""}). */
  public static String contentType(Random random, String usual) {
    return random.nextInt(4) == 0 ? CONTENT_TYPES.get(random.nextInt(CONTENT_TYPES.size())) : usual;
  }

  /** Sends the request exactly as given (no Content-Type header when it is empty) and checks the answer. */
  public Http.Response send(int attempt, String method, String url, String contentType, byte[] body, String recipe) {
    return send(attempt, method, url, contentType, body, recipe, Map.of());
  }

  /** The same, with more request headers (such as If-Match). */
  public Http.Response send(int attempt, String method, String url, String contentType, byte[] body, String recipe,
      Map<String, String> headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
        .timeout(Duration.ofSeconds(30))
        .header("Accept", "application/fhir+json, application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    if (body != null && !contentType.isEmpty()) {
      request.header("Content-Type", contentType);
    }
    headers.forEach(request::header);
    String where = "try " + attempt + " of seed " + seed + ": " + method + " " + abbreviated(url)
        + (headers.isEmpty() ? "" : " " + headers) + (body == null ? "" : " [" + contentType + "] " + recipe);
    Http.Response response;
    try {
      response = Http.send(request.build());
    } catch (RuntimeException e) {
      throw new AssertionError(where + " got no answer", e);
    }
    tries++;
    statuses.merge(response.status(), 1, Integer::sum);
    if (response.status() >= 500) {
      throw new AssertionError(where + " answered " + response.status() + " " + abbreviated(response.body()));
    }
    if (response.status() >= 400) {
      try {
        if (url.contains("_format=xml") && String.valueOf(response.header("Content-Type")).contains("xml")) {
          // FHIR's _format asks for XML, and HAPI answers in it: the same OperationOutcome, in the format asked for.
          Fhir.xml().parseResource(OperationOutcome.class, response.body());
        } else {
          EdgeAnswers.outcome(response);
        }
        EdgeAnswers.assertNoInternals(response.body());
      } catch (AssertionError | RuntimeException e) {
        throw new AssertionError(where + " answered " + response.status() + " that is not a clean OperationOutcome: "
            + abbreviated(response.body()), e);
      }
    }
    return response;
  }

  /** Whether some answer had this status class (2 for 2xx, 4 for 4xx). */
  public boolean answered(int statusClass) {
    return statuses.keySet().stream().anyMatch(s -> s / 100 == statusClass);
  }

  /** One line: requests, seed and status counts. */
  public String summary(String name) {
    return name + ": " + tries + " requests, seed " + seed + ", statuses " + statuses;
  }

  private static String abbreviated(String text) {
    return text.length() <= 300 ? text : text.substring(0, 300) + "… (" + text.length() + " chars)";
  }
}
