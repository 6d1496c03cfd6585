package io.pathtrack.testsupport;

import io.pathtrack.identity.development.DevelopmentUsers;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A development user signed in to a service's pages over plain HTTP, exactly as a browser does it: cookies kept,
 * every redirect followed by hand (service → {@code /oauth2/authorization/…} → the issuer's login form, filled in
 * with its CSRF token → back to the service's callback → the page first asked for), and forms posted with the CSRF
 * token of the last page read. For tests that need a real session without a browser, such as the page fuzz tests.
 * Every request has a timeout, so a page that hangs fails the test instead of stalling it.
 */
public final class PageSession {
  /** Long enough for a slow page on a busy machine, short enough that a hang shows. */
  public static final Duration TIMEOUT = Duration.ofSeconds(15);
  private static final int MAX_REDIRECTS = 12;
  private static final Pattern CSRF_INPUT = Pattern.compile("<input[^>]*name=\"_csrf\"[^>]*>");
  private static final Pattern VALUE = Pattern.compile("value=\"([^\"]*)\"");

  private final String base;
  private final HttpClient browser;
  private String csrf;
  private Http.Response landing;

  private PageSession(String base) {
    this.base = base;
    this.browser = HttpClient.newBuilder()
        .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
        .connectTimeout(Duration.ofSeconds(5))
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  /**
   * Signs {@code username} (password {@link DevelopmentUsers#PASSWORD}) in to the service at {@code base} by asking
   * for {@code page}: the answer is that page, once signed in ({@link #landing()}).
   */
  public static PageSession signIn(String base, String username, String page) {
    PageSession session = new PageSession(base);
    TestIdentity identity = TestIdentity.shared();
    URI at = URI.create(base + page);
    HttpResponse<String> response = session.exchange(request(at).header("Accept", "text/html").GET());
    for (int hops = 0; ; hops++) {
      if (hops > MAX_REDIRECTS) {
        throw new IllegalStateException("Sign-in of " + username + " went round more than " + MAX_REDIRECTS + " redirects");
      }
      if (response.statusCode() == 302) {
        URI from = response.uri();
        at = from.resolve(response.headers().firstValue("Location")
            .orElseThrow(() -> new IllegalStateException("A redirect without Location from " + from)));
        response = session.exchange(request(at).header("Accept", "text/html").GET());
      } else if (response.statusCode() == 200 && at.toString().startsWith(identity.issuer() + "/login")) {
        Map<String, String> login = new LinkedHashMap<>();
        login.put("username", username);
        login.put("password", DevelopmentUsers.PASSWORD);
        login.put("_csrf", csrfFrom(response.body())
            .orElseThrow(() -> new IllegalStateException("The login page has no CSRF token")));
        response = session.exchange(request(at).header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form(login))));
      } else if (response.statusCode() == 200 && at.toString().startsWith(base)) {
        session.landing = session.read(response);
        return session;
      } else {
        throw new IllegalStateException("Sign-in of " + username + " stopped at " + at + " with " + response.statusCode()
            + ": " + response.body());
      }
    }
  }

  /** The page the sign-in ended on: the one asked for. */
  public Http.Response landing() {
    return landing;
  }

  /** The service's base address, such as {@code http://127.0.0.1:8080}. */
  public String base() {
    return base;
  }

  /** The CSRF token of the last page read that had one (what a browser would post with a form of it). */
  public String csrf() {
    return csrf;
  }

  /** A page of the service ({@code path} as sent: percent-encoded already), asking for HTML. */
  public Http.Response get(String path) {
    return send("GET", path, Map.of("Accept", "text/html"), null);
  }

  /** A form posted as a browser posts it, with the CSRF token of the last page read. */
  public Http.Response post(String path, Map<String, String> fields) {
    Map<String, String> withToken = new LinkedHashMap<>(fields);
    withToken.put("_csrf", csrf);
    return send("POST", path, Map.of("Accept", "text/html", "Content-Type", "application/x-www-form-urlencoded"),
        form(withToken));
  }

  /**
   * Any request in this session, exactly as given: the method, the headers (no Accept unless given) and the body
   * ({@code null}: none). Redirects are answered, not followed. An HTML answer with a CSRF token makes it the current one.
   */
  public Http.Response send(String method, String path, Map<String, String> headers, String body) {
    HttpRequest.Builder request = request(URI.create(base + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(request::header);
    return read(exchange(request));
  }

  /**
   * A server-sent event stream opened and closed at once, never read to its end: the answer's status and headers,
   * with an empty body (a stream ends only when the session does).
   */
  public Http.Response stream(String path) {
    HttpRequest.Builder request = request(URI.create(base + path)).header("Accept", "text/event-stream").GET();
    try {
      HttpResponse<InputStream> response = browser.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
      response.body().close();
      return new Http.Response(response.statusCode(), "", response.headers());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The value of the first {@code _csrf} hidden input of a page, if it has one. */
  public static Optional<String> csrfFrom(String html) {
    Matcher input = CSRF_INPUT.matcher(html);
    if (!input.find()) {
      return Optional.empty();
    }
    Matcher value = VALUE.matcher(input.group());
    return value.find() ? Optional.of(value.group(1)) : Optional.empty();
  }

  /** Fields as a browser encodes a form ({@code application/x-www-form-urlencoded}). */
  public static String form(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
        .collect(Collectors.joining("&"));
  }

  private Http.Response read(HttpResponse<String> response) {
    if (String.valueOf(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/html")) {
      csrfFrom(response.body()).ifPresent(token -> csrf = token);
    }
    return new Http.Response(response.statusCode(), response.body(), response.headers());
  }

  private HttpResponse<String> exchange(HttpRequest.Builder request) {
    try {
      return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static HttpRequest.Builder request(URI uri) {
    return HttpRequest.newBuilder(uri).timeout(TIMEOUT);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
