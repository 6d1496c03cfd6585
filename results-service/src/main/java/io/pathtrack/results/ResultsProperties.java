package io.pathtrack.results;

import java.net.URI;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Configuration of results-service ({@code pathtrack.results.*}).
 *
 * @param source the CloudEvents {@code source} of the events this service publishes
 * @param accessionIdentifierSystems report identifier systems that hold the accession number, for
 *     LIS feeds that neither reference a Specimen nor type the identifier ACSN
 */
@ConfigurationProperties("pathtrack.results")
public record ResultsProperties(
    @DefaultValue("urn:pathtrack:results-service") URI source,
    @DefaultValue List<String> accessionIdentifierSystems) {}
