package io.pathtrack.testsupport;

import io.pathtrack.identity.IdentityServerApplication;
import io.pathtrack.identity.development.DevelopmentClient;
import io.pathtrack.identity.development.DevelopmentSeed;
import io.pathtrack.identity.development.DevelopmentUsers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The identity server of a test JVM (deploy/identity), started once on a free port with the development
 * users and clients (profile {@code local}), and real tokens from it: signed JWTs got over HTTP the way a
 * laboratory system ({@code client_credentials}) or a person signing in to the web front end (authorization
 * code with PKCE, through the login form) gets them. Tokens are reused until 30 s before they expire.
 *
 * <p>A module whose tests use it needs {@code pathtrack-identity} (test scope) on its classpath; test-support
 * does not bring it. Spring Authorization Server's auto-configuration then applies to every Spring Boot web
 * application started in that JVM: it adds a {@code JWKSource} and, to an application without a
 * {@code JwtDecoder} of its own (a bean, or Boot's from {@code spring.security.oauth2.resourceserver.jwt.*}),
 * a {@code JwtDecoder} for a key of its own.
 */
public final class TestIdentity {
  private static final Duration RENEW_BEFORE_EXPIRY = Duration.ofSeconds(30);
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final String WEB_CLIENT = DevelopmentClient.PATHTRACK_WEB.clientId();
  /**
   * Where the code is sent: a loopback address nobody listens on, as a native app would use. The server does
   * not compare the port of a loopback redirect (RFC 8252 §7.3), and the code is read from the redirect,
   * never followed.
   */
  private static final String REDIRECT_URI = "http://127.0.0.1:1/login/oauth2/code/" + WEB_CLIENT;
  private static final Pattern CSRF_INPUT = Pattern.compile("<input[^>]*name=\"_csrf\"[^>]*>");
  private static final Pattern VALUE = Pattern.compile("value=\"([^\"]*)\"");
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final SecureRandom RANDOM = new SecureRandom();

  private static TestIdentity shared;

  private final ConfigurableApplicationContext server;
  private final AuthorizationServerSettings endpoints;
  private final HttpClient http;
  private final Map<String, Token> tokens = new ConcurrentHashMap<>();

  private record Token(String value, Instant expiresAt) {
    boolean fresh() {
      return Instant.now().isBefore(expiresAt.minus(RENEW_BEFORE_EXPIRY));
    }
  }

  private TestIdentity(ConfigurableApplicationContext server) {
    this.server = server;
    this.endpoints = server.getBean(AuthorizationServerSettings.class);
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  }

  /** The identity server of this JVM, started on first use and stopped when the JVM exits. */
  public static synchronized TestIdentity shared() {
    if (shared == null) {
      shared = start();
      Runtime.getRuntime().addShutdownHook(new Thread(shared.server::close, "test-identity-stop"));
    }
    return shared;
  }

  /** Whether this JVM's identity server has been started. */
  public static synchronized boolean started() {
    return shared != null;
  }

  private static TestIdentity start() {
    int port = freePort();
    return new TestIdentity(IdentityServerApplication.builder()
        .profiles(DevelopmentSeed.PROFILE)
        .registerShutdownHook(false)
        .run("--server.port=" + port,
            "--spring.security.oauth2.authorizationserver.issuer=http://localhost:" + port,
            "--pathtrack.identity.short-lived-client=true",
            "--spring.main.log-startup-info=false",
            "--logging.level.io.pathtrack.identity=ERROR"));
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The issuer, exactly as tokens carry it in {@code iss}: what services set as their issuer URI. */
  public String issuer() {
    return endpoints.getIssuer();
  }

  /** Where the public keys that verify the tokens are (a JWK Set). */
  public String jwkSetUri() {
    return issuer() + endpoints.getJwkSetEndpoint();
  }

  /** An access token of a development client (secret {@code <client id>-secret}) with every scope it may have. */
  public String clientToken(String clientId) {
    return clientToken(clientId, developmentClient(clientId).scopes().toArray(String[]::new));
  }

  /** An access token of a development client with the scopes given (none: a token without scope). */
  public String clientToken(String clientId, String... scopes) {
    List<String> requested = List.of(scopes);
    return tokens.compute("client " + clientId + " " + String.join(" ", requested), (key, cached) ->
        cached != null && cached.fresh() ? cached : clientCredentials(clientId, requested)).value();
  }

  /** An access token of a development user (a Practitioner id) signed in to {@code pathtrack-web}, with every scope the client may have. */
  public String userToken(String username) {
    return userToken(username, DevelopmentClient.PATHTRACK_WEB.scopes().toArray(String[]::new));
  }

  /**
   * An access token of a development user signed in to {@code pathtrack-web}, with the scopes given: the
   * authorization code flow with PKCE (S256), through the login form as a browser goes.
   */
  public String userToken(String username, String... scopes) {
    List<String> requested = List.of(scopes);
    return tokens.compute("user " + username + " " + String.join(" ", requested), (key, cached) ->
        cached != null && cached.fresh() ? cached : signIn(username, requested)).value();
  }

  /**
   * A real, correctly signed access token that has expired: one of {@code lis-short-lived} (tokens live one
   * second), returned once its {@code exp} has passed. A validator that allows for clock skew (Spring Security's
   * default allows 60 s) still accepts it within that allowance.
   */
  public String expiredToken() {
    String token = clientCredentials(DevelopmentClient.LIS_SHORT_LIVED.clientId(),
        DevelopmentClient.LIS_SHORT_LIVED.scopes()).value();
    Instant expiresAt = Instant.ofEpochSecond(payload(token).get("exp").asLong());
    sleep(Duration.between(Instant.now(), expiresAt.plusMillis(200)));
    return token;
  }

  /** The token endpoint's answer to a client credentials grant (what a client sends; nothing cached). */
  HttpResponse<String> tokenRequest(String clientId, String secret, List<String> scopes) {
    String credentials = Base64.getEncoder().encodeToString(
        (encode(clientId) + ":" + encode(secret)).getBytes(StandardCharsets.UTF_8));
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "client_credentials");
    if (!scopes.isEmpty()) {
      form.put("scope", String.join(" ", scopes));
    }
    return send(http, HttpRequest.newBuilder(URI.create(issuer() + endpoints.getTokenEndpoint()))
        .header("Authorization", "Basic " + credentials)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form(form))));
  }

  /**
   * The authorization code {@code pathtrack-web} gets once the user signs in with this password, or empty
   * when the login form turns them away.
   */
  Optional<String> authorizationCode(String username, String password, List<String> scopes, String codeVerifier) {
    HttpClient browser = HttpClient.newBuilder()
        .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
        .connectTimeout(Duration.ofSeconds(5))
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
    String state = randomString();
    Map<String, String> request = new LinkedHashMap<>();
    request.put("response_type", "code");
    request.put("client_id", WEB_CLIENT);
    request.put("redirect_uri", REDIRECT_URI);
    request.put("scope", String.join(" ", scopes));
    request.put("state", state);
    request.put("code_challenge", codeChallenge(codeVerifier));
    request.put("code_challenge_method", "S256");
    URI authorize = URI.create(issuer() + endpoints.getAuthorizationEndpoint() + "?" + form(request));

    URI loginPage = redirect(send(browser, page(authorize)));
    String csrf = csrfToken(expect(200, send(browser, page(loginPage))).body());
    Map<String, String> login = new LinkedHashMap<>();
    login.put("username", username);
    login.put("password", password);
    login.put("_csrf", csrf);
    URI afterLogin = redirect(send(browser, page(loginPage)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form(login)))));
    if (!afterLogin.getPath().equals(endpoints.getAuthorizationEndpoint())) {
      return Optional.empty();
    }
    URI callback = redirect(send(browser, page(afterLogin)));
    Map<String, String> answer = query(callback);
    if (!callback.toString().startsWith(REDIRECT_URI + "?") || !state.equals(answer.get("state"))) {
      throw new IllegalStateException("The authorization endpoint did not answer the client: " + answer.keySet());
    }
    return Optional.ofNullable(answer.get("code"));
  }

  private Token clientCredentials(String clientId, List<String> scopes) {
    String secret = developmentClient(clientId).secret()
        .orElseThrow(() -> new IllegalArgumentException(clientId + " is a public client"));
    return token(tokenRequest(clientId, secret, scopes));
  }

  private Token signIn(String username, List<String> scopes) {
    String verifier = randomString();
    String code = authorizationCode(username, DevelopmentUsers.PASSWORD, scopes, verifier)
        .orElseThrow(() -> new IllegalStateException(username + " could not sign in"));
    return token(codeExchange(code, verifier));
  }

  /** The token endpoint's answer when {@code pathtrack-web} exchanges its code, proving it holds the verifier. */
  HttpResponse<String> codeExchange(String code, String codeVerifier) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "authorization_code");
    form.put("code", code);
    form.put("redirect_uri", REDIRECT_URI);
    form.put("client_id", WEB_CLIENT);
    form.put("code_verifier", codeVerifier);
    return send(http, HttpRequest.newBuilder(URI.create(issuer() + endpoints.getTokenEndpoint()))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form(form))));
  }

  private static Token token(HttpResponse<String> response) {
    JsonNode body = JSON.readTree(expect(200, response).body());
    return new Token(body.get("access_token").asString(),
        Instant.now().plusSeconds(body.get("expires_in").asLong()));
  }

  private static DevelopmentClient developmentClient(String clientId) {
    return DevelopmentClient.byClientId(clientId)
        .orElseThrow(() -> new IllegalArgumentException("No development client " + clientId));
  }

  /** The claims of a JWT, read without verifying it (the caller verifies against {@link #jwkSetUri()}). */
  private static JsonNode payload(String jwt) {
    return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
  }

  private static HttpRequest.Builder page(URI uri) {
    return HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Accept", "text/html");
  }

  private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) {
    try {
      return client.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static HttpResponse<String> expect(int status, HttpResponse<String> response) {
    if (response.statusCode() != status) {
      throw new IllegalStateException(response.request().method() + " " + response.uri().getPath() + " answered "
          + response.statusCode() + ": " + response.body());
    }
    return response;
  }

  private static URI redirect(HttpResponse<String> response) {
    String location = expect(302, response).headers().firstValue("Location")
        .orElseThrow(() -> new IllegalStateException("A redirect without Location from " + response.uri().getPath()));
    return response.uri().resolve(location);
  }

  private static String csrfToken(String loginPage) {
    Matcher input = CSRF_INPUT.matcher(loginPage);
    Matcher value = input.find() ? VALUE.matcher(input.group()) : null;
    if (value == null || !value.find()) {
      throw new IllegalStateException("The login page has no CSRF token");
    }
    return value.group(1);
  }

  private static Map<String, String> query(URI uri) {
    if (uri.getRawQuery() == null) {
      return Map.of();
    }
    return Arrays.stream(uri.getRawQuery().split("&"))
        .map(pair -> pair.split("=", 2))
        .collect(Collectors.toMap(pair -> decode(pair[0]), pair -> pair.length > 1 ? decode(pair[1]) : "",
            (first, second) -> first));
  }

  private static String form(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
        .collect(Collectors.joining("&"));
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static String decode(String value) {
    return URLDecoder.decode(value, StandardCharsets.UTF_8);
  }

  /** 32 random bytes, base64url: a PKCE code verifier (RFC 7636 §4.1) or a state. */
  static String randomString() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static String codeChallenge(String verifier) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void sleep(Duration duration) {
    if (duration.isNegative()) {
      return;
    }
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
