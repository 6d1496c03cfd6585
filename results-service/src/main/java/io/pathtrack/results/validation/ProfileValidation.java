package io.pathtrack.results.validation;

import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ValidationResult;
import io.pathtrack.contract.Fhir;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.springframework.stereotype.Component;

/**
 * Full profile validation with HAPI's FhirInstanceValidator: base R4, its terminology where it is held
 * locally, and any profile in {@code meta.profile} that is available here. Tens of milliseconds a
 * report, so it serves {@code $validate} only and is never on the ingest path. Built on first use.
 */
@Component
public class ProfileValidation {
  private volatile FhirValidator validator;

  public OperationOutcome validate(IBaseResource resource) {
    ValidationResult result = validator().validateWithResult(resource);
    OperationOutcome outcome = (OperationOutcome) result.toOperationOutcome();
    if (result.isSuccessful() && outcome.getIssue().isEmpty()) {
      outcome.addIssue()
          .setSeverity(OperationOutcome.IssueSeverity.INFORMATION)
          .setCode(OperationOutcome.IssueType.INFORMATIONAL)
          .setDiagnostics("No issues found");
    }
    return outcome;
  }

  private FhirValidator validator() {
    FhirValidator v = validator;
    if (v == null) {
      synchronized (this) {
        v = validator;
        if (v == null) {
          var ctx = Fhir.context();
          ValidationSupportChain chain = new ValidationSupportChain(
              new DefaultProfileValidationSupport(ctx),
              new CommonCodeSystemsTerminologyService(ctx),
              new InMemoryTerminologyServerValidationSupport(ctx),
              new SnapshotGeneratingValidationSupport(ctx));
          v = ctx.newValidator().registerValidatorModule(new FhirInstanceValidator(chain));
          validator = v;
        }
      }
    }
    return v;
  }
}
