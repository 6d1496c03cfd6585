package io.pathtrack.specimen;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Configuration of specimen-service ({@code pathtrack.specimen.*}).
 *
 * @param source the CloudEvents {@code source} of the events this service publishes
 * @param correctionWait how long a correction (PUT) waits for the lifecycle to apply it before answering
 * @param notifyPagesUrl notify-service's inbox page, where a specimen's page sends the reader for its notifications
 */
@ConfigurationProperties("pathtrack.specimen")
public record SpecimenProperties(
    @DefaultValue("urn:pathtrack:specimen-service") URI source,
    @DefaultValue("10s") Duration correctionWait,
    @DefaultValue("http://localhost:8083/ui/notifications") URI notifyPagesUrl) {}
