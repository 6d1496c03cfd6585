package io.pathtrack.testsupport.fuzz;

import io.pathtrack.testsupport.EdgeAnswers;
import io.pathtrack.testsupport.Http;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * What a fuzzed request to a service's pages, in a signed-in session, must get: a 2xx, 3xx or 4xx, never a 5xx nor
 * a hang, and every 4xx the service's problem page — HTML with an {@code <h1>} title and the {@code id="reason"}
 * paragraph — naming no internals (save a request line too long for Tomcat to read, {@link #overContainerLimit}). A person reads these answers in a browser: a JSON error or a stack trace there is
 * a page that fails them. Counts the statuses for the run's one-line summary.
 */
public final class PageProperty {
  private static final List<String> ACCEPTS = List.of("text/html", "*/*", "application/json", "application/fhir+json",
      "text/event-stream", "text/html;q=0", "application/xhtml+xml", "nonsense", "text/*", "image/png", "");

  /** The bytes of request line and headers Tomcat reads by default. */
  public static final int CONTAINER_LIMIT = 8_192;

  private final long seed;
  private final Map<Integer, Integer> statuses = new TreeMap<>();
  private int tries;
  private int overLimit;

  public PageProperty(long seed) {
    this.seed = seed;
  }

  /** Mostly {@code text/html} as a browser sends it, now and then another, a broken one or none ({@code ""}). */
  public static String accept(Random random) {
    return random.nextInt(3) == 0 ? ACCEPTS.get(random.nextInt(ACCEPTS.size())) : "text/html";
  }

  /**
   * Sends a page request ({@code method} and {@code target}, the path and query as sent; {@code detail} says more, for
   * the failure message) and checks its answer.
   */
  public Http.Response check(int attempt, String method, String target, String detail, Supplier<Http.Response> send) {
    String request = method + " " + target + (detail.isEmpty() ? "" : " " + detail);
    Http.Response response = answer(attempt, request, send);
    if (overContainerLimit(method, target)) {
      // Tomcat refuses the request line before it has read the address: it cannot know a page was asked for.
      try {
        EdgeAnswers.outcome(response);
        EdgeAnswers.assertNoInternals(response.body());
      } catch (AssertionError | RuntimeException e) {
        throw new AssertionError(where(attempt, request) + " over the container's limit answered " + response.status()
            + " that is not a clean OperationOutcome: " + abbreviated(response.body()), e);
      }
      overLimit++;
    } else if (response.status() >= 400) {
      try {
        assertProblemPage(response);
      } catch (AssertionError | RuntimeException e) {
        throw new AssertionError(where(attempt, request) + " answered " + response.status()
            + " that is not a clean problem page: " + abbreviated(String.valueOf(response.header("Content-Type")))
            + " " + abbreviated(response.body()), e);
      }
    }
    return response;
  }

  /**
   * Opens a server-sent event stream ({@link io.pathtrack.testsupport.PageSession#stream}) and checks its status and
   * Content-Type only: an event stream when accepted, the problem page's HTML when refused.
   */
  public Http.Response checkStream(int attempt, String target, Supplier<Http.Response> open) {
    String request = "GET " + target + " (event stream)";
    Http.Response response = answer(attempt, request, open);
    if (overContainerLimit("GET", target)) {
      overLimit++;
      return response;
    }
    String type = String.valueOf(response.header("Content-Type"));
    boolean expected = response.status() < 300 ? type.startsWith("text/event-stream")
        : response.status() < 400 || type.startsWith("text/html");
    if (!expected) {
      throw new AssertionError(where(attempt, request) + " answered " + response.status() + " as " + type);
    }
    return response;
  }

  /**
   * Whether the request line is longer than Tomcat reads ({@value #CONTAINER_LIMIT} bytes, its default
   * {@code max-http-request-header-size}): it answers 400 itself, in the services' OperationOutcome
   * ({@code ContainerErrorAnswers}), without knowing the address.
   */
  public static boolean overContainerLimit(String method, String target) {
    return (method + " " + target + " HTTP/1.1\r\n").length() > CONTAINER_LIMIT;
  }

  /** The service's problem page: HTML, a title, the reason, nothing of the code behind it. */
  public static void assertProblemPage(Http.Response response) {
    String type = String.valueOf(response.header("Content-Type"));
    if (!type.startsWith("text/html")) {
      throw new AssertionError("Content-Type " + type + ", not text/html");
    }
    if (!response.body().contains("<h1") || !response.body().contains("id=\"reason\"")) {
      throw new AssertionError("no <h1> title or id=\"reason\" paragraph");
    }
    EdgeAnswers.assertNoInternals(response.body());
  }

  private Http.Response answer(int attempt, String request, Supplier<Http.Response> send) {
    Http.Response response;
    try {
      response = send.get();
    } catch (RuntimeException e) {
      throw new AssertionError(where(attempt, request) + " got no answer", e);
    }
    tries++;
    statuses.merge(response.status(), 1, Integer::sum);
    if (response.status() >= 500) {
      throw new AssertionError(where(attempt, request) + " answered " + response.status() + " "
          + abbreviated(response.body()));
    }
    return response;
  }

  /** Whether some answer had this status class (2 for 2xx, 3 for 3xx, 4 for 4xx). */
  public boolean answered(int statusClass) {
    return statuses.keySet().stream().anyMatch(s -> s / 100 == statusClass);
  }

  /** One line: requests, seed and status counts. */
  public String summary(String name) {
    return name + ": " + tries + " requests, seed " + seed + ", statuses " + statuses
        + (overLimit == 0 ? "" : " (" + overLimit + " over the container's limit)");
  }

  private String where(int attempt, String request) {
    return "try " + attempt + " of seed " + seed + ": " + abbreviated(request);
  }

  /** At most 300 characters, control characters and lone surrogates shown as escapes (a NUL would cut the report). */
  private static String abbreviated(String text) {
    String shown = text.length() <= 300 ? text : text.substring(0, 300) + "… (" + text.length() + " chars)";
    StringBuilder visible = new StringBuilder(shown.length());
    for (int i = 0; i < shown.length(); i++) {
      char c = shown.charAt(i);
      boolean pair = Character.isHighSurrogate(c) && i + 1 < shown.length() && Character.isLowSurrogate(shown.charAt(i + 1));
      if (Character.isISOControl(c) || (Character.isSurrogate(c) && !pair)) {
        visible.append(String.format("\\u%04x", (int) c));
      } else {
        visible.append(c);
        if (pair) {
          visible.append(shown.charAt(++i));
        }
      }
    }
    return visible.toString();
  }
}
