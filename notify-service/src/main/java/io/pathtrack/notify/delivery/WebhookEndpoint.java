package io.pathtrack.notify.delivery;

import java.net.URI;
import java.util.Locale;

/**
 * Where a recipient's webhook (pager or SMS gateway) listens and the secret shared with it, from the
 * practitioner directory (a FHIR Endpoint).
 */
public record WebhookEndpoint(URI url, String secret) {

  public WebhookEndpoint {
    String scheme = url == null || url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http") || url.getHost() == null) {
      throw new IllegalArgumentException("webhook URL must be an absolute http(s) URL, was " + url);
    }
    if (secret == null || secret.isBlank()) {
      throw new IllegalArgumentException("webhook " + redacted(url) + " has no shared secret");
    }
  }

  /** The URL without user info, query or fragment, which may hold credentials: safe to log or put in a header. */
  public URI redactedUrl() {
    return redacted(url);
  }

  @Override
  public String toString() {
    return "WebhookEndpoint[" + redactedUrl() + "]";
  }

  static URI redacted(URI url) {
    return URI.create(url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort())
        + (url.getRawPath() == null ? "" : url.getRawPath()));
  }
}
