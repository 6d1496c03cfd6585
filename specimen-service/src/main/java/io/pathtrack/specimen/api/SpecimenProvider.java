package io.pathtrack.specimen.api;

import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.annotation.Update;
import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.param.ParameterUtil;
import ca.uhn.fhir.rest.param.StringParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import io.pathtrack.contract.SpecimenOrders;
import io.pathtrack.specimen.domain.LifecycleStatus;
import io.pathtrack.specimen.registration.SpecimenCorrections;
import io.pathtrack.specimen.registration.SpecimenCorrections.Correction;
import io.pathtrack.specimen.registration.SpecimenRegistration;
import io.pathtrack.specimen.registration.SpecimenRegistration.Registration;
import io.pathtrack.specimen.registration.SpecimenRegistration.RegistrationException;
import io.pathtrack.specimen.registration.SpecimenStore;
import io.pathtrack.specimen.domain.SpecimenRecord;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import io.pathtrack.guard.security.AccessAuditEvents;
import io.pathtrack.guard.security.AccessRefused;
import io.pathtrack.guard.security.Caller;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Specimen;
import org.hl7.fhir.r4.model.StringType;
import org.springframework.stereotype.Component;

/**
 * {@code /fhir/Specimen}: register a specimen (create), correct it (update, with If-Match), read its latest
 * state by accession number (the specimen's logical id here), search, and move it through its lifecycle with
 * {@code $transition}. Every answer carries the record's version as {@code meta.versionId} and ETag.
 */
@Component
public class SpecimenProvider implements IResourceProvider {
  private final SpecimenRegistration registration;
  private final SpecimenCorrections corrections;
  private final SpecimenStore store;

  public SpecimenProvider(SpecimenRegistration registration, SpecimenCorrections corrections, SpecimenStore store) {
    this.registration = registration;
    this.corrections = corrections;
    this.store = store;
  }

  @Override
  public Class<? extends IBaseResource> getResourceType() {
    return Specimen.class;
  }

  /**
   * Registers a specimen: 201 when the accession is new; 200 when it is registered already with the same patient
   * and ordering practitioner (registered again, its lifecycle never moving back); 409 naming the elements when
   * it names another patient or ordering practitioner, which only a correction changes.
   */
  @Create
  public MethodOutcome create(@ResourceParam Specimen specimen) {
    try {
      Registration registered = registration.register(specimen);
      Specimen answer = versioned(registered.specimen(), registered.accession(), registered.version());
      MethodOutcome outcome = new MethodOutcome(answer.getIdElement(), registered.created());
      outcome.setResource(answer);
      return outcome;
    } catch (RegistrationException e) {
      throw Refusals.of(e);
    }
  }

  /**
   * {@code PUT /fhir/Specimen/{accession}} with {@code If-Match: W/"<versionId>"}: corrects the specimen
   * ({@link SpecimenCorrections}) and answers it at its new version; the elements it changed go to the access
   * audit. 428 without If-Match, 412 when the specimen has moved on from that version, 404 for an unknown
   * accession, 400 when the body's accession is not the one in the path, 409 when it would move the lifecycle.
   */
  @Update
  public MethodOutcome update(@IdParam IdType id, @ResourceParam Specimen specimen, HttpServletRequest request) {
    try {
      Optional<String> ifMatch = Optional.ofNullable(request.getHeader(Constants.HEADER_IF_MATCH))
          .filter(v -> !v.isBlank()).map(ParameterUtil::parseETagValue);
      Correction correction = corrections.correct(id.getIdPart(), ifMatch, specimen);
      // The access audit copies it into the AuditEvent of this request: element names, never values.
      request.setAttribute(AccessAuditEvents.DETAIL, correction.changed().isEmpty() ? "corrected: nothing changed"
          : "corrected: " + String.join(", ", correction.changed()));
      Specimen answer = specimen(correction.record());
      MethodOutcome outcome = new MethodOutcome(answer.getIdElement(), false);
      outcome.setResource(answer);
      return outcome;
    } catch (RegistrationException e) {
      throw Refusals.of(e);
    }
  }

  @Read
  public Specimen read(@IdParam IdType id) {
    SpecimenRecord record = store.find(id.getIdPart()).orElseThrow(() -> new ResourceNotFoundException(id));
    if (!Caller.required().mayView(record.orderingPractitioner())) {
      throw AccessRefused.fhir("not your patient: this specimen was ordered by another practitioner");
    }
    return specimen(record);
  }

  /**
   * {@code GET /fhir/Specimen?accession=&status=&procedure-type=&ordering-practitioner=}; status is the
   * lifecycle status (ordered, collected, received, in-process, reported, amended, cancelled, rejected).
   */
  @Search
  public List<Specimen> search(
      @OptionalParam(name = Specimen.SP_ACCESSION) TokenParam accession,
      @OptionalParam(name = "status") TokenParam status,
      @OptionalParam(name = "procedure-type") TokenParam procedure,
      @OptionalParam(name = "ordering-practitioner") StringParam orderer) {
    Caller caller = Caller.required();
    return store.where(r -> caller.mayView(r.orderingPractitioner()) && matches(accession, r.accession())
            && matches(status, r.lifecycle())
            && matches(procedure, r.procedure().code())
            && matches(orderer, r.orderingPractitioner()))
        .stream().map(SpecimenProvider::specimen).toList();
  }

  /** A parameter absent matches all; {@code :missing=true|false} asks whether there is a value; else the value is equal. */
  private static boolean matches(TokenParam parameter, String actual) {
    return parameter == null || matches(parameter.getMissing(), parameter.getValue(), actual);
  }

  private static boolean matches(StringParam parameter, String actual) {
    return parameter == null || matches(parameter.getMissing(), parameter.getValue(), actual);
  }

  private static boolean matches(Boolean missing, String wanted, String actual) {
    if (missing != null) {
      return missing == (actual == null || actual.isEmpty());
    }
    return wanted != null && wanted.equals(actual);
  }

  /** {@code POST /fhir/Specimen/{accession}/$transition} with {@code status}, optional {@code reason} and {@code time}. */
  @Operation(name = "$transition", idempotent = false)
  public Specimen transition(@IdParam IdType id,
      @OperationParam(name = "status", min = 1) CodeType status,
      @OperationParam(name = "reason") StringType reason,
      @OperationParam(name = "time") DateTimeType time) {
    // HAPI does not enforce min = 1 on a POSTed Parameters resource, and a code may carry only an extension.
    if (status == null || !status.hasValue()) {
      throw Refusals.of(new RegistrationException("status", "the status parameter is required",
          RegistrationException.Kind.REQUIRED));
    }
    LifecycleStatus to = LifecycleStatus.fromCode(status.getValue()).orElseThrow(() -> Refusals.of(new RegistrationException(
        "status", "unknown lifecycle status; it is one of " + Arrays.stream(LifecycleStatus.values()).map(LifecycleStatus::code).toList(),
        RegistrationException.Kind.INVALID)));
    try {
      Specimen specimen = registration.transition(id.getIdPart(), to,
          Optional.ofNullable(time).filter(DateTimeType::hasValue).map(t -> t.getValue().toInstant()), reason == null ? null : reason.getValue());
      specimen.setId(new IdType("Specimen", id.getIdPart()));
      return specimen;
    } catch (RegistrationException e) {
      throw Refusals.of(e);
    }
  }

  /**
   * {@code POST /fhir/Specimen/{accession}/$follow-up} with {@code kind} (repeat-biopsy, excision, imaging…) and
   * {@code status} (completed or cancelled): closes a follow-up the specimen's reports recommended.
   */
  @Operation(name = "$follow-up", idempotent = false)
  public Specimen followUp(@IdParam IdType id,
      @OperationParam(name = "kind", min = 1) CodeType kind,
      @OperationParam(name = "status", min = 1) CodeType status) {
    if (kind == null || !kind.hasValue() || status == null || !status.hasValue()) {
      throw Refusals.of(new RegistrationException(kind == null || !kind.hasValue() ? "kind" : "status",
          "the kind and status parameters are required", RegistrationException.Kind.REQUIRED));
    }
    try {
      Specimen specimen = registration.closeFollowUp(id.getIdPart(), kind.getValue(), status.getValue(),
          io.pathtrack.guard.security.Caller.required().describe());
      specimen.setId(new IdType("Specimen", id.getIdPart()));
      return specimen;
    } catch (RegistrationException e) {
      throw Refusals.of(e);
    }
  }

  static Specimen specimen(SpecimenRecord record) {
    return versioned(SpecimenOrders.parse(record.specimenJson()), record.accession(), record.version());
  }

  /** The specimen with its id and version, as HAPI answers them: ETag and {@code meta.versionId}. */
  private static Specimen versioned(Specimen specimen, String accession, long version) {
    specimen.setId(new IdType("Specimen", accession, Long.toString(version)));
    specimen.getMeta().setVersionId(Long.toString(version));
    return specimen;
  }
}
