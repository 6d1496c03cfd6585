package io.pathtrack.guard.http;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What every service's HTTP edge enforces ({@code pathtrack.http.*}).
 *
 * @param maxBodySize the largest request body any endpoint reads; a larger one is answered 413
 * @param contentSecurityPolicy the {@code Content-Security-Policy} of every answer; the services serve
 *     JSON only, so nothing may load, frame or embed them
 * @param pageContentSecurityPolicy the {@code Content-Security-Policy} of the pages under {@code /ui/}: their own
 *     style sheets, scripts and live stream, no inline script, forms that post only to the service itself
 */
@ConfigurationProperties("pathtrack.http")
public record HttpEdgeProperties(
    @DefaultValue("1MB") DataSize maxBodySize,
    @DefaultValue("default-src 'none'; frame-ancestors 'none'; base-uri 'none'") String contentSecurityPolicy,
    @DefaultValue("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
        + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'") String pageContentSecurityPolicy) {

  public HttpEdgeProperties {
    if (maxBodySize.toBytes() <= 0) {
      throw new IllegalArgumentException("pathtrack.http.max-body-size must be positive");
    }
    oneLine("pathtrack.http.content-security-policy", contentSecurityPolicy);
    oneLine("pathtrack.http.page-content-security-policy", pageContentSecurityPolicy);
  }

  private static void oneLine(String name, String value) {
    if (value == null || value.isBlank() || value.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      throw new IllegalArgumentException(name + " must be one non-empty line");
    }
  }
}
