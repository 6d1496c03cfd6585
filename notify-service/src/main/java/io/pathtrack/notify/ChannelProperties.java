package io.pathtrack.notify;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the delivery channels ({@code pathtrack.notify.channels.*}). Where each recipient is
 * reached (webhook URL and secret, FHIR base URL) comes from the practitioner directory, not from here.
 *
 * @param webhook timeouts and retries of webhook (pager/SMS gateway) calls
 * @param fhir timeouts of Communication posts to an EHR
 * @param inbox the live inbox stream
 * @param lanes how many deliveries of each channel run at once
 */
@ConfigurationProperties("pathtrack.notify.channels")
public record ChannelProperties(@DefaultValue Webhook webhook, @DefaultValue Fhir fhir, @DefaultValue Inbox inbox,
    @DefaultValue Lanes lanes) {

  /**
   * Deliveries run in lanes, each lane one at a time in the order the notifications were published; a recipient's
   * notifications always take the same lane of a channel, so they arrive in order, while other recipients' go on in
   * the other lanes (a slow webhook holds up only its lane). Email lanes each keep one SMTP connection open.
   *
   * @param email lanes (and SMTP connections) for email
   * @param webhook lanes for webhook calls
   * @param fhir lanes for Communication posts to EHRs
   */
  public record Lanes(@DefaultValue("4") int email, @DefaultValue("8") int webhook, @DefaultValue("4") int fhir) {

    public Lanes {
      if (email < 1 || webhook < 1 || fhir < 1) {
        throw new IllegalArgumentException("pathtrack.notify.channels.lanes: each channel needs at least one lane, was email "
            + email + ", webhook " + webhook + ", fhir " + fhir);
      }
    }
  }

  /**
   * @param connectTimeout to open the connection
   * @param requestTimeout for one attempt, from sending the request to the response headers
   * @param retry what is retried (5xx, 408, 429, connection errors) and how often
   * @param breaker when an endpoint that keeps failing is not called for a while
   */
  public record Webhook(
      @DefaultValue("5s") Duration connectTimeout,
      @DefaultValue("10s") Duration requestTimeout,
      @DefaultValue Retry retry,
      @DefaultValue Breaker breaker,
      @DefaultValue Redelivery redelivery) {
    @org.springframework.boot.context.properties.bind.ConstructorBinding
    public Webhook {
    }

    /** With the default redelivery (every 30 s, for a day). */
    public Webhook(Duration connectTimeout, Duration requestTimeout, Retry retry, Breaker breaker) {
      this(connectTimeout, requestTimeout, retry, breaker, new Redelivery(true, Duration.ofSeconds(30), Duration.ofHours(24)));
    }
  }

  /**
   * A webhook delivery that failed for a reason that may pass (no answer, 5xx, 408, 429, the endpoint unavailable) is
   * tried again from its dead letter, one call each time, every {@code interval}, until it goes through, the
   * notification is no longer open (acknowledged, retracted), or {@code giveUpAfter} has passed since it first failed.
   */
  public record Redelivery(
      @DefaultValue("true") boolean enabled,
      @DefaultValue("30s") Duration interval,
      @DefaultValue("24h") Duration giveUpAfter) {
    public Redelivery {
      if (interval.isNegative() || interval.isZero() || interval.compareTo(Duration.ofMinutes(4)) > 0) {
        // the redelivery consumer waits out the interval between polls: it must stay well within max.poll.interval.ms
        throw new IllegalArgumentException("pathtrack.notify.channels.webhook.redelivery.interval is more than 0 and at most 4m");
      }
    }
  }

  /**
   * An endpoint's circuit breaker: over its last {@code window} calls (at least {@code minimumCalls} of them; each
   * attempt is a call, so the default needs more than one message's retries), when {@code failureRate} percent or
   * more failed, it is not called for {@code openFor}; then one trial call.
   */
  public record Breaker(
      @DefaultValue("20") int window,
      @DefaultValue("8") int minimumCalls,
      @DefaultValue("50") float failureRate,
      @DefaultValue("30s") Duration openFor) {

    public Breaker {
      if (window < 1 || minimumCalls < 1 || failureRate <= 0 || failureRate > 100 || openFor.isNegative() || openFor.isZero()) {
        throw new IllegalArgumentException("pathtrack.notify.channels.webhook.breaker: need window and minimum-calls of at "
            + "least 1, failure-rate in (0, 100] and a positive open-for");
      }
    }
  }

  /**
   * Exponential backoff: the n-th retry waits {@code initialDelay * multiplier^(n-1)}, at most {@code maxDelay}.
   *
   * @param maxAttempts attempts in all, the first included
   */
  public record Retry(
      @DefaultValue("4") int maxAttempts,
      @DefaultValue("500ms") Duration initialDelay,
      @DefaultValue("2.0") double multiplier,
      @DefaultValue("30s") Duration maxDelay) {

    public Retry {
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("pathtrack.notify.channels.webhook.retry.max-attempts must be at least 1, was " + maxAttempts);
      }
      if (multiplier < 1.0) {
        throw new IllegalArgumentException("pathtrack.notify.channels.webhook.retry.multiplier must be at least 1.0, was " + multiplier);
      }
      if (initialDelay.isNegative() || maxDelay.compareTo(initialDelay) < 0) {
        throw new IllegalArgumentException("pathtrack.notify.channels.webhook.retry: need 0 <= initial-delay <= max-delay, was "
            + initialDelay + " and " + maxDelay);
      }
    }
  }

  /**
   * @param connectTimeout to open the connection to the EHR's FHIR server
   * @param timeout socket (read) timeout of the create
   */
  public record Fhir(@DefaultValue("5s") Duration connectTimeout, @DefaultValue("15s") Duration timeout) {}

  /** @param streamTimeout how long a live inbox stream stays open before the client must reconnect */
  public record Inbox(@DefaultValue("30m") Duration streamTimeout) {}
}
