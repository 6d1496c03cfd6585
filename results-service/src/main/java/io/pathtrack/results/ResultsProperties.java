package io.pathtrack.results;

import java.net.URI;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Configuration of results-service ({@code pathtrack.results.*}).
 *
 * @param source the CloudEvents {@code source} of the events this service publishes
 * @param accessionIdentifierSystems report identifier systems that hold the accession number, for
 *     LIS feeds that neither reference a Specimen nor type the identifier ACSN
 * @param maxReportSize the largest report accepted, on every channel (REST answers 413 above it)
 * @param recentAssessments how many reports assessed by REST or MLLP are kept until the pipeline reads them back
 *     (so it does not classify them again); 0 keeps none
 */
@ConfigurationProperties("pathtrack.results")
public record ResultsProperties(
    @DefaultValue("urn:pathtrack:results-service") URI source,
    @DefaultValue List<String> accessionIdentifierSystems,
    @DefaultValue("1MB") DataSize maxReportSize,
    @DefaultValue("512") int recentAssessments) {

  public ResultsProperties {
    if (maxReportSize.toBytes() > io.pathtrack.contract.RecordSizes.MAX_EVENT_BYTES) {
      throw new IllegalArgumentException("pathtrack.results.max-report-size may be at most "
          + io.pathtrack.contract.RecordSizes.MAX_EVENT_BYTES + " bytes, the largest report event that can be published");
    }
  }
}
