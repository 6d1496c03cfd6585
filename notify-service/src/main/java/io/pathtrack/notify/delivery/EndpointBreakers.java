package io.pathtrack.notify.delivery;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.pathtrack.notify.ChannelProperties;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A circuit breaker for each webhook endpoint (Resilience4j): when most recent calls to an endpoint failed (5xx, 408,
 * 429, no connection, timeout), it is not called for a while, so a dead pager gateway costs one fast refusal per
 * notification instead of its timeouts and retries, which would hold up the dispatcher's batch and everyone's
 * deliveries behind it. After the wait, one trial call decides whether it is called again. Refusals by the receiver
 * of one message (other 4xx) show the endpoint is up and do not count. There is one breaker per endpoint of the
 * practitioner directory, so their number is bounded by it.
 */
public final class EndpointBreakers {
  private static final Logger log = LoggerFactory.getLogger(EndpointBreakers.class);

  private final CircuitBreakerConfig config;
  private final Clock clock;
  private final java.time.Duration openFor;
  private final Map<URI, CircuitBreaker> breakers = new ConcurrentHashMap<>();
  /** When each endpoint's breaker last opened. */
  private final Map<URI, java.time.Instant> opened = new ConcurrentHashMap<>();

  public EndpointBreakers(ChannelProperties.Breaker settings, Clock clock) {
    this.clock = clock;
    this.openFor = settings.openFor();
    this.config = CircuitBreakerConfig.custom()
        .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
        .slidingWindowSize(settings.window())
        .minimumNumberOfCalls(settings.minimumCalls())
        .failureRateThreshold(settings.failureRate())
        .waitDurationInOpenState(settings.openFor())
        .permittedNumberOfCallsInHalfOpenState(1)
        .automaticTransitionFromOpenToHalfOpenEnabled(false)
        .writableStackTraceEnabled(false)
        .clock(clock)
        .currentTimestampFunction(c -> c.millis(), TimeUnit.MILLISECONDS)
        .build();
  }

  /** The breaker of an endpoint, by its URL without credentials. */
  CircuitBreaker of(URI endpoint) {
    return breakers.computeIfAbsent(endpoint, url -> {
      CircuitBreaker breaker = CircuitBreaker.of(url.toString(), config);
      // the host only: a webhook's path may hold its token
      String host = url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort());
      breaker.getEventPublisher().onStateTransition(event -> {
        log.warn("Webhook endpoint on {}: {}", host, event.getStateTransition());
        if (event.getStateTransition().getToState() == CircuitBreaker.State.OPEN) {
          opened.put(url, clock.instant());
        }
      });
      return breaker;
    });
  }

  /**
   * Endpoints not called now: open, and not yet past their wait (after it, the next delivery makes the trial call;
   * without traffic an endpoint would otherwise stay counted for ever), or waiting for their trial call's answer.
   */
  public long unavailable() {
    java.time.Instant now = clock.instant();
    return breakers.entrySet().stream().filter(e -> switch (e.getValue().getState()) {
      case OPEN -> opened.getOrDefault(e.getKey(), now).plus(openFor).isAfter(now);
      case HALF_OPEN -> true;
      default -> false;
    }).count();
  }
}
