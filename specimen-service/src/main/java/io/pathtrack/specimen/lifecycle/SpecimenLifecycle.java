package io.pathtrack.specimen.lifecycle;

import io.pathtrack.contract.ClassifiedReportEvent;
import io.pathtrack.contract.Extensions;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Specimen;

/** The specimen lifecycle rules: plain functions of a Specimen and an event. */
public final class SpecimenLifecycle {
  private SpecimenLifecycle() {}

  /** The state a newly registered specimen starts in: received when the lab has logged its receipt. */
  public static Specimen register(Specimen specimen) {
    setStatus(specimen, specimen.hasReceivedTime() ? LifecycleStatus.RECEIVED : LifecycleStatus.ORDERED);
    return specimen;
  }

  public static Optional<LifecycleStatus> status(Specimen specimen) {
    Extension ext = specimen.getExtensionByUrl(Extensions.LIFECYCLE_STATUS);
    return ext == null ? Optional.empty() : LifecycleStatus.fromCode(ext.getValue().primitiveValue());
  }

  /**
   * Marks the specimen reported by a final report and records its turnaround: from receipt in the lab
   * to the time the report was issued (or, when the report does not say, when it was classified).
   *
   * @return the updated specimen, or empty when the event does not complete it (a preliminary report)
   */
  public static Optional<Specimen> reported(Specimen specimen, ClassifiedReportEvent report) {
    if (!report.isFinal()) {
      return Optional.empty();
    }
    Instant reportedAt = report.issued().orElse(report.time());
    setStatus(specimen, LifecycleStatus.REPORTED);
    specimen.getExtension().removeIf(e -> e.getUrl().equals(Extensions.REPORTED_BY) || e.getUrl().equals(Extensions.TURNAROUND));
    specimen.addExtension(Extensions.REPORTED_BY, new Reference(report.reportReference()));
    turnaround(specimen, reportedAt).ifPresent(t -> {
      org.hl7.fhir.r4.model.Duration value = new org.hl7.fhir.r4.model.Duration();
      value.setValue(t.toMinutes()).setUnit("min").setSystem("http://unitsofmeasure.org").setCode("min");
      specimen.addExtension(Extensions.TURNAROUND, value);
    });
    return Optional.of(specimen);
  }

  /** Receipt to report; empty when the receipt time is unknown or after the report. */
  public static Optional<Duration> turnaround(Specimen specimen, Instant reportedAt) {
    if (!specimen.hasReceivedTime()) {
      return Optional.empty();
    }
    Duration d = Duration.between(specimen.getReceivedTime().toInstant(), reportedAt);
    return d.isNegative() ? Optional.empty() : Optional.of(d);
  }

  private static void setStatus(Specimen specimen, LifecycleStatus status) {
    specimen.getExtension().removeIf(e -> e.getUrl().equals(Extensions.LIFECYCLE_STATUS));
    specimen.addExtension(Extensions.LIFECYCLE_STATUS, new CodeType(status.code()));
  }
}
