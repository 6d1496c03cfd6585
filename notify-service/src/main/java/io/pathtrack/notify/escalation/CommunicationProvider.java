package io.pathtrack.notify.escalation;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Update;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import io.pathtrack.notify.inbox.NotificationLog;
import io.pathtrack.notify.routing.Notification;
import io.pathtrack.notify.routing.NotificationCommunications;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.IdType;
import org.springframework.stereotype.Component;

/**
 * {@code /fhir/Communication}: an EHR reads a notification as the Communication it is, and acknowledges
 * it by updating it to {@code completed} (the sender, when given, is who acknowledged).
 */
@Component
public class CommunicationProvider implements IResourceProvider {
  private final NotificationLog notifications;
  private final AcknowledgementController acknowledgements;

  public CommunicationProvider(NotificationLog notifications, AcknowledgementController acknowledgements) {
    this.notifications = notifications;
    this.acknowledgements = acknowledgements;
  }

  @Override
  public Class<? extends IBaseResource> getResourceType() {
    return Communication.class;
  }

  @Read
  public Communication read(@IdParam IdType id) {
    return notifications.find(id.getIdPart()).map(NotificationCommunications::toCommunication)
        .orElseThrow(() -> new ResourceNotFoundException(id));
  }

  @Update
  public MethodOutcome update(@IdParam IdType id, @ResourceParam Communication update) {
    Notification n = notifications.find(id.getIdPart()).orElseThrow(() -> new ResourceNotFoundException(id));
    if (update.getStatus() != Communication.CommunicationStatus.COMPLETED) {
      throw new UnprocessableEntityException("only status completed (acknowledged) is accepted; got "
          + (update.hasStatus() ? update.getStatus().toCode() : "none"));
    }
    String by = update.hasSender() && update.getSender().hasReference() ? update.getSender().getReference() : n.recipient();
    if (!acknowledgements.request(n, by)) {
      throw new IllegalStateException("acknowledgement could not be recorded");
    }
    return new MethodOutcome(new IdType("Communication", n.id()), false);
  }
}
