package io.pathtrack.guard.http;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What every service's HTTP edge enforces ({@code pathtrack.http.*}).
 *
 * @param maxBodySize the largest request body any endpoint reads; a larger one is answered 413
 * @param contentSecurityPolicy the {@code Content-Security-Policy} of every answer; the services serve
 *     JSON only, so nothing may load, frame or embed them until pages that need more are added
 */
@ConfigurationProperties("pathtrack.http")
public record HttpEdgeProperties(
    @DefaultValue("1MB") DataSize maxBodySize,
    @DefaultValue("default-src 'none'; frame-ancestors 'none'; base-uri 'none'") String contentSecurityPolicy) {

  public HttpEdgeProperties {
    if (maxBodySize.toBytes() <= 0) {
      throw new IllegalArgumentException("pathtrack.http.max-body-size must be positive");
    }
    if (contentSecurityPolicy == null || contentSecurityPolicy.isBlank()
        || contentSecurityPolicy.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      throw new IllegalArgumentException("pathtrack.http.content-security-policy must be one non-empty line");
    }
  }
}
