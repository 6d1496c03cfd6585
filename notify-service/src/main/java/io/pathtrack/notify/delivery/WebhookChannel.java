package io.pathtrack.notify.delivery;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.pathtrack.notify.ChannelProperties;
import io.pathtrack.notify.domain.Notification;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * A JSON POST to a recipient's webhook (pager or SMS gateway), signed with the secret shared with it.
 * The body holds no diagnosis, no patient name and no accession (docs/architecture.md §6): the notification id as the
 * reference, the priority, the state and a link.
 *
 * <p>Headers: {@code X-PathTrack-Signature: sha256=<hex HMAC-SHA256 of the exact body>},
 * {@code Idempotency-Key: <notification id>:webhook} (the same on every attempt and every resend, so the
 * receiver can drop duplicates) and {@code X-PathTrack-Timestamp} (Unix seconds). The timestamp is in the
 * body too, so it is covered by the signature and a receiver can refuse replays.
 *
 * <p>5xx, 408, 429 and connection errors are retried with exponential backoff; any other status is final. An
 * endpoint most of whose recent calls failed is not called for a while ({@link EndpointBreakers}): its deliveries fail
 * at once, without a wait.
 * When the attempts are spent, or on a final status, a {@link DeadLetter} is published and
 * {@link DeliveryFailedException} thrown.
 */
public class WebhookChannel {
  public static final String CHANNEL = "webhook";
  public static final String SIGNATURE = "X-PathTrack-Signature";
  public static final String TIMESTAMP = "X-PathTrack-Timestamp";
  public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** The body of a webhook call. */
  record Payload(String id, String priority, String state, URI link, long timestamp) {}

  /** A successful call: the receiver's status and how many attempts it took. */
  public record Delivery(int status, int attempts) {}

  private final HttpClient http;
  private final ChannelProperties.Webhook settings;
  private final RetryTemplate retry;
  private final URI linkBase;
  private final DeadLetterPublisher deadLetters;
  private final Clock clock;
  private final EndpointBreakers breakers;

  public WebhookChannel(ChannelProperties.Webhook settings, URI linkBase, DeadLetterPublisher deadLetters, Clock clock) {
    this(settings, linkBase, deadLetters, clock, new EndpointBreakers(settings.breaker(), clock));
  }

  public WebhookChannel(ChannelProperties.Webhook settings, URI linkBase, DeadLetterPublisher deadLetters, Clock clock,
      EndpointBreakers breakers) {
    this.breakers = breakers;
    this.settings = settings;
    this.linkBase = linkBase;
    this.deadLetters = deadLetters;
    this.clock = clock;
    this.http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout()).build();
    ChannelProperties.Retry r = settings.retry();
    this.retry = new RetryTemplate(RetryPolicy.builder()
        .maxRetries(r.maxAttempts() - 1L)
        .delay(r.initialDelay())
        .multiplier(r.multiplier())
        .maxDelay(r.maxDelay())
        .predicate(e -> e instanceof AttemptFailed failed && failed.retryable)
        .build());
  }

  /** The body of the call for this notification now, and the signed request carrying it. */
  private record Call(byte[] body, HttpRequest request) {}

  private Call call(Notification n, WebhookEndpoint endpoint) {
    Instant now = clock.instant();
    OutboundMessage content = OutboundMessage.of(n, linkBase);
    byte[] body = JSON.writeValueAsBytes(new Payload(content.reference(), n.priority().code(),
        n.state().name().toLowerCase(Locale.ROOT), content.link(), now.getEpochSecond()));
    HttpRequest request = HttpRequest.newBuilder(endpoint.url())
        .timeout(settings.requestTimeout())
        .header("Content-Type", "application/json")
        .header(SIGNATURE, "sha256=" + hmacSha256Hex(body, endpoint.secret()))
        .header(IDEMPOTENCY_KEY, n.id() + ":" + CHANNEL)
        .header(TIMESTAMP, Long.toString(now.getEpochSecond()))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .build();
    return new Call(body, request);
  }

  /** What one more call for a dead-lettered delivery came to. */
  public enum Redelivered {
    /** The receiver took it (2xx). */
    SENT,
    /** It failed in a way that may pass (no answer, 5xx, 408, 429, the endpoint unavailable): try later. */
    LATER,
    /** The receiver refused it for good (another 4xx). */
    REFUSED
  }

  /**
   * One call for a delivery that was dead-lettered, through the endpoint's breaker, with the same {@code Idempotency-Key}
   * as every earlier call for the notification (a receiver that got an earlier one collapses it), signed anew.
   */
  public Redelivered redeliver(Notification n, WebhookEndpoint endpoint) throws InterruptedException {
    Call call = call(n, endpoint);
    try {
      post(call.request(), breakers.of(endpoint.redactedUrl()), new AtomicInteger());
      return Redelivered.SENT;
    } catch (AttemptFailed failed) {
      return failed.retryable || failed.status.isEmpty() ? Redelivered.LATER : Redelivered.REFUSED;
    }
  }

  public Delivery send(Notification n, WebhookEndpoint endpoint) {
    Call call = call(n, endpoint);
    byte[] body = call.body();
    HttpRequest request = call.request();
    AtomicInteger attempts = new AtomicInteger();
    try {
      CircuitBreaker breaker = breakers.of(endpoint.redactedUrl());
      int status = retry.execute(() -> post(request, breaker, attempts));
      return new Delivery(status, attempts.get());
    } catch (RetryException e) {
      Throwable last = e.getLastException() == null ? e.getCause() : e.getLastException();
      if (last instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      Optional<Integer> status = last instanceof AttemptFailed failed ? failed.status : Optional.empty();
      String reason = last == null ? e.getMessage() : last.getMessage();
      DeliveryFailedException failure = new DeliveryFailedException(n.id(), CHANNEL, attempts.get(), reason, last);
      try {
        deadLetters.publish(new DeadLetter(n.id(), n.accession(), CHANNEL, endpoint.redactedUrl(), body, status, reason,
            attempts.get(), clock.instant()));
      } catch (RuntimeException notRecorded) {
        // The delivery failure is what the caller must act on; the lost dead letter travels with it.
        failure.addSuppressed(notRecorded);
      }
      throw failure;
    }
  }

  private int post(HttpRequest request, CircuitBreaker breaker, AtomicInteger attempts) throws InterruptedException {
    if (!breaker.tryAcquirePermission()) {
      throw new AttemptFailed(Optional.empty(), "not called: " + WebhookEndpoint.redacted(request.uri())
          + " is unavailable (most of its recent calls failed); it is tried again after "
          + settings.breaker().openFor().toSeconds() + " s", false, null);
    }
    attempts.incrementAndGet();
    long start = clock.millis();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      breaker.onError(clock.millis() - start, TimeUnit.MILLISECONDS, e);
      throw new AttemptFailed(Optional.empty(), e.getClass().getSimpleName() + " from " + WebhookEndpoint.redacted(request.uri())
          + (e.getMessage() == null ? "" : ": " + e.getMessage()), true, e);
    } catch (InterruptedException | RuntimeException e) {
      breaker.releasePermission();
      throw e;
    }
    int status = response.statusCode();
    boolean retryable = status >= 500 || status == 408 || status == 429;
    AttemptFailed failed = status >= 200 && status < 300 ? null : new AttemptFailed(Optional.of(status),
        "HTTP " + status + " from " + WebhookEndpoint.redacted(request.uri()) + snippet(response.body()), retryable, null);
    if (retryable) {
      breaker.onError(clock.millis() - start, TimeUnit.MILLISECONDS, failed);
    } else {
      // answered: the endpoint is up, whatever it thought of this message
      breaker.onSuccess(clock.millis() - start, TimeUnit.MILLISECONDS);
    }
    if (failed != null) {
      throw failed;
    }
    return status;
  }

  static String hmacSha256Hex(byte[] body, String secret) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
    }
  }

  private static String snippet(String body) {
    String oneLine = body == null ? "" : body.replaceAll("\\s+", " ").strip();
    return oneLine.isEmpty() ? "" : ": " + (oneLine.length() > 200 ? oneLine.substring(0, 200) + "…" : oneLine);
  }

  /** One attempt that failed; {@code retryable} when trying again may help. */
  private static final class AttemptFailed extends RuntimeException {
    private final Optional<Integer> status;
    private final boolean retryable;

    AttemptFailed(Optional<Integer> status, String message, boolean retryable, Throwable cause) {
      super(message, cause);
      this.status = status;
      this.retryable = retryable;
    }
  }
}
