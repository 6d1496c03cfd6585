package io.pathtrack.results.mllp;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The HL7 v2 MLLP listener ({@code pathtrack.results.mllp.*}). The largest message it reads is the
 * service's {@code pathtrack.results.max-report-size}.
 *
 * @param enabled false to run without the listener
 * @param port the TCP port it listens on, on every interface; 0 picks a free one (the port bound is
 *     then the property {@code local.mllp.port}, as Spring does for {@code local.server.port})
 * @param maxConnections connections served at once, one thread each; a connection beyond them is closed
 *     as soon as it is accepted
 * @param idleTimeout a connection on which nothing arrives for this long is closed
 * @param frameTimeout the longest one frame may take to arrive, however steadily its bytes trickle in: a sender
 *     that trickles a byte now and then within the idle timeout is closed after it, so it cannot hold a slot
 * @param truncateTo how much of a message over the size limit is kept on the inbound topic
 * @param allowedSources the addresses a connection may come from, as CIDR blocks ({@code 10.0.0.0/8},
 *     {@code 192.0.2.7/32}, {@code 2001:db8::/32}); empty for any
 * @param tls MLLP over TLS
 */
@ConfigurationProperties("pathtrack.results.mllp")
public record MllpProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("2575") int port,
    @DefaultValue("50") int maxConnections,
    @DefaultValue("60s") Duration idleTimeout,
    @DefaultValue("5m") Duration frameTimeout,
    @DefaultValue("64KB") DataSize truncateTo,
    @DefaultValue List<String> allowedSources,
    @DefaultValue Tls tls) {

  public MllpProperties {
    if (maxConnections < 1) {
      throw new IllegalArgumentException("pathtrack.results.mllp.max-connections must be at least 1");
    }
    if (idleTimeout.isNegative() || idleTimeout.isZero() || idleTimeout.toMillis() > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("pathtrack.results.mllp.idle-timeout must be positive and under 24 days");
    }
    if (frameTimeout.isNegative() || frameTimeout.isZero()) {
      throw new IllegalArgumentException("pathtrack.results.mllp.frame-timeout must be positive");
    }
    if (truncateTo.toBytes() < 1 || truncateTo.toBytes() > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("pathtrack.results.mllp.truncate-to must be between 1 byte and 2 GB");
    }
    allowedSources = List.copyOf(allowedSources);
  }

  /**
   * @param enabled true to accept only TLS connections
   * @param bundle the Spring Boot SSL bundle ({@code spring.ssl.bundle.*}) that holds the listener's key
   *     and certificate, and the certificates it trusts for client authentication
   * @param clientAuth whether a client must present a certificate its trust store trusts
   */
  public record Tls(
      @DefaultValue("false") boolean enabled,
      String bundle,
      @DefaultValue("none") ClientAuth clientAuth) {

    public Tls {
      if (enabled && (bundle == null || bundle.isBlank())) {
        throw new IllegalArgumentException(
            "pathtrack.results.mllp.tls.bundle must name an SSL bundle (spring.ssl.bundle.*) when TLS is enabled");
      }
    }
  }

  /** Client-certificate authentication, as Spring Boot's {@code server.ssl.client-auth} names it. */
  public enum ClientAuth {
    /** No client certificate is asked for. */
    NONE,
    /** A client certificate is asked for; a client without one is still served. */
    WANT,
    /** A client without a trusted certificate is refused during the handshake. */
    NEED
  }
}
