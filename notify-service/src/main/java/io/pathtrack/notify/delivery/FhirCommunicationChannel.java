package io.pathtrack.notify.delivery;

import io.pathtrack.notify.ChannelProperties;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.client.api.IRestfulClientFactory;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.apache.ApacheRestfulClientFactory;
import ca.uhn.fhir.rest.client.exceptions.FhirClientConnectionException;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import io.pathtrack.contract.Fhir;
import io.pathtrack.notify.domain.Notification;
import io.pathtrack.notify.routing.NotificationCommunications;
import java.net.URI;
import java.time.Clock;
import java.util.Date;
import java.util.Optional;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Communication.CommunicationPriority;
import org.hl7.fhir.r4.model.Communication.CommunicationStatus;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;

/**
 * A FHIR {@code Communication} created in the recipient's EHR (FHIR R4 REST, {@code POST [base]/Communication}).
 * It is a conditional create on the notification id ({@code If-None-Exist: identifier=<system>|<id>}), so a
 * resend after a crash is collapsed by the EHR instead of showing twice. The payload is the same no-PHI text
 * as the email: the EHR links the Communication to the report through {@code about}.
 *
 * <p>One attempt: a failure (an HTTP error with the server's OperationOutcome, or no connection) is thrown as
 * {@link DeliveryFailedException}; the conditional create makes a later retry safe.
 */
public class FhirCommunicationChannel {
  public static final String CHANNEL = "fhir";

  /** The EHR's answer: where the Communication is, and false when it existed already (a collapsed resend). */
  public record Delivery(Optional<String> location, boolean created) {}

  private final IRestfulClientFactory clients;
  private final URI linkBase;
  private final Clock clock;

  public FhirCommunicationChannel(ChannelProperties.Fhir settings, URI linkBase, Clock clock) {
    // A factory of our own rather than the shared context's, so these timeouts do not change every FHIR
    // client of the JVM; and no CapabilityStatement fetch before the first create.
    ApacheRestfulClientFactory factory = new ApacheRestfulClientFactory(Fhir.context());
    factory.setConnectTimeout(Math.toIntExact(settings.connectTimeout().toMillis()));
    factory.setSocketTimeout(Math.toIntExact(settings.timeout().toMillis()));
    factory.setServerValidationMode(ServerValidationModeEnum.NEVER);
    this.clients = factory;
    this.linkBase = linkBase;
    this.clock = clock;
  }

  public Delivery send(Notification n, FhirEndpoint endpoint) {
    Communication communication = communication(n);
    try {
      MethodOutcome outcome = clients.newGenericClient(endpoint.baseUrl().toString())
          .create()
          .resource(communication)
          .conditionalByUrl("Communication?identifier=" + NotificationCommunications.NOTIFICATION_ID_SYSTEM + "|" + n.id())
          .execute();
      return new Delivery(Optional.ofNullable(outcome.getId()).map(id -> id.getValue()),
          Boolean.TRUE.equals(outcome.getCreated()));
    } catch (FhirClientConnectionException e) {
      throw new DeliveryFailedException(n.id(), CHANNEL, 1, "no answer from " + endpoint.baseUrl() + ": " + e.getMessage(), e);
    } catch (BaseServerResponseException e) {
      // HAPI puts the server's OperationOutcome diagnostics in the message.
      throw new DeliveryFailedException(n.id(), CHANNEL, 1,
          "HTTP " + e.getStatusCode() + " from " + endpoint.baseUrl() + ": " + e.getMessage(), e);
    }
  }

  Communication communication(Notification n) {
    Communication c = new Communication();
    c.addIdentifier().setSystem(NotificationCommunications.NOTIFICATION_ID_SYSTEM).setValue(n.id());
    c.setStatus(CommunicationStatus.INPROGRESS);
    c.setPriority(CommunicationPriority.fromCode(n.priority().fhirCode()));
    c.addAbout(new Reference(n.reportReference()));
    c.addRecipient(new Reference(n.recipient()).setDisplay(n.recipientName()));
    c.addPayload().setContent(new StringType(OutboundMessage.of(n, linkBase).text()));
    c.setSent(Date.from(clock.instant()));
    return c;
  }
}
