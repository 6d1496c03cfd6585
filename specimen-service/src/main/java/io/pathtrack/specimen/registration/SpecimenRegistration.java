package io.pathtrack.specimen.registration;

import io.pathtrack.contract.Accessions;
import io.pathtrack.contract.EventTypes;
import io.pathtrack.contract.Fhir;
import io.pathtrack.specimen.SpecimenProperties;
import io.pathtrack.specimen.lifecycle.SpecimenEvents;
import io.pathtrack.specimen.lifecycle.SpecimenLifecycle;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.hl7.fhir.r4.model.Specimen;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Service;

/** Registers a specimen and its order, publishing a specimen.registered event keyed by accession. */
@Service
public class SpecimenRegistration {
  /** The output binding to {@code pathology.specimens}. */
  public static final String BINDING = "specimens-out";

  private final StreamBridge bridge;
  private final Clock clock;
  private final String source;

  public SpecimenRegistration(StreamBridge bridge, Clock clock, SpecimenProperties properties) {
    this.bridge = bridge;
    this.clock = clock;
    this.source = properties.source().toString();
  }

  /**
   * @throws IllegalArgumentException when the specimen has no accession number
   * @return the accession number
   */
  public String register(Specimen specimen) {
    String accession = Accessions.ofSpecimen(specimen)
        .orElseThrow(() -> new IllegalArgumentException("Specimen.accessionIdentifier is required"));
    SpecimenLifecycle.register(specimen);
    specimen.setId(accession);
    MessageBuilder<byte[]> message = MessageBuilder
        .withPayload(Fhir.json().encodeResourceToString(specimen).getBytes(StandardCharsets.UTF_8))
        .setHeader(KafkaHeaders.KEY, accession.getBytes(StandardCharsets.UTF_8));
    SpecimenEvents.headers(EventTypes.SPECIMEN_REGISTERED, source, accession, specimen, clock.instant())
        .forEach(message::setHeader);
    if (!bridge.send(BINDING, message.build())) {
      throw new IllegalStateException("specimen " + accession + " was not published");
    }
    return accession;
  }
}
