package io.pathtrack.notify.escalation;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Update;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.UnclassifiedServerFailureException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import io.pathtrack.guard.http.FhirIds;
import io.pathtrack.guard.http.InvalidRequestValue;
import io.pathtrack.guard.http.OutcomeAnswers;
import io.pathtrack.guard.security.AccessRefused;
import io.pathtrack.guard.security.Caller;
import io.pathtrack.notify.inbox.NotificationAccess;
import io.pathtrack.notify.inbox.NotificationLog;
import io.pathtrack.notify.domain.Notification;
import io.pathtrack.notify.routing.NotificationCommunications;
import io.pathtrack.notify.domain.PractitionerReference;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.springframework.stereotype.Component;

/**
 * {@code /fhir/Communication}: an EHR reads a notification as the Communication it is, and acknowledges
 * it by updating it to {@code completed} (the sender, when given, is who acknowledged). An id that is not
 * a FHIR id, or a sender that is not a practitioner reference, is answered 400 naming it.
 */
@Component
public class CommunicationProvider implements IResourceProvider {
  private final NotificationLog notifications;
  private final AcknowledgementController acknowledgements;
  private final NotificationAccess access;

  public CommunicationProvider(NotificationLog notifications, AcknowledgementController acknowledgements,
      NotificationAccess access) {
    this.notifications = notifications;
    this.acknowledgements = acknowledgements;
    this.access = access;
  }

  @Override
  public Class<? extends IBaseResource> getResourceType() {
    return Communication.class;
  }

  @Read
  public Communication read(@IdParam IdType id) {
    Notification n = notifications.find(checked(id)).orElseThrow(CommunicationProvider::notFound);
    if (!access.maySee(Caller.required(), n)) {
      throw AccessRefused.fhir("not your notification: it is addressed to another practitioner");
    }
    return NotificationCommunications.toCommunication(n);
  }

  @Update
  public MethodOutcome update(@IdParam IdType id, @ResourceParam Communication update, HttpServletRequest request) {
    Notification n = notifications.find(checked(id)).orElseThrow(CommunicationProvider::notFound);
    if (!access.maySee(Caller.required(), n)) {
      throw AccessRefused.fhir("not your notification: it is addressed to another practitioner");
    }
    if (update.getStatus() != Communication.CommunicationStatus.COMPLETED) {
      throw new UnprocessableEntityException("only status completed (acknowledged) is accepted; got "
          + (update.hasStatus() ? update.getStatus().toCode() : "none"));
    }
    boolean named = update.hasSender() && update.getSender().hasReference();
    if (named) {
      PractitionerReference.problem(update.getSender().getReference()).ifPresent(problem -> {
        throw invalid("Communication.sender.reference", "the sender (who acknowledged) " + problem);
      });
    }
    String by;
    try {
      by = acknowledgements.acknowledger(n, named ? Optional.of(update.getSender().getReference()) : Optional.empty(),
          "Communication.sender", request);
    } catch (AccessRefused refused) {
      throw AccessRefused.fhir(refused.getMessage());
    } catch (InvalidRequestValue missing) {
      throw invalid("Communication.sender.reference", missing.getMessage());
    }
    if (!acknowledgements.request(n, by)) {
      throw new UnclassifiedServerFailureException(503, "the acknowledgement could not be recorded; retry");
    }
    return new MethodOutcome(new IdType("Communication", n.id()), false);
  }

  /** The id in the path, once it is a FHIR id: it is looked up and becomes part of an event. */
  private static String checked(IdType id) {
    String idPart = id.getIdPart();
    FhirIds.problem(idPart).ifPresent(problem -> {
      throw invalid("Communication.id", "the Communication id in the path " + problem);
    });
    return idPart;
  }

  private static InvalidRequestException invalid(String expression, String message) {
    return new InvalidRequestException(message, OutcomeAnswers.outcome(IssueType.VALUE, message, expression));
  }

  private static ResourceNotFoundException notFound() {
    return new ResourceNotFoundException("no Communication with this id");
  }
}
