package io.pathtrack.guard.streams;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How the instances of one service find each other's state ({@code pathtrack.instances.*}).
 *
 * @param advertisedAddress {@code host:port} at which the other instances reach this one's HTTP port; also the
 *     Kafka Streams {@code application.server}. Empty: a single instance, every read is local.
 * @param scheme {@code http} or {@code https}
 * @param clientId this service's own OAuth client, whose token the other instances require
 * @param clientSecret its secret
 * @param scope the scopes its token is asked with ({@code system/Specimen.rs})
 * @param timeout how long one instance waits for another's answer
 * @param maxAnswer the largest answer read from another instance; a larger one counts as no answer
 */
@ConfigurationProperties("pathtrack.instances")
public record InstanceProperties(
    @DefaultValue("") String advertisedAddress,
    @DefaultValue("http") String scheme,
    String clientId,
    String clientSecret,
    @DefaultValue("") String scope,
    @DefaultValue("5s") Duration timeout,
    @DefaultValue("64MB") DataSize maxAnswer) {

  public boolean distributed() {
    return advertisedAddress != null && !advertisedAddress.isBlank();
  }
}
