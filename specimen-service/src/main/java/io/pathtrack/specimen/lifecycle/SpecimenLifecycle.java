package io.pathtrack.specimen.lifecycle;

import io.pathtrack.specimen.domain.LifecycleStatus;
import io.pathtrack.contract.ClassifiedReportEvent;
import io.pathtrack.contract.Extensions;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Specimen;

/** The specimen lifecycle rules: plain functions of a Specimen and an event. */
public final class SpecimenLifecycle {
  private SpecimenLifecycle() {}

  /** The state a newly registered specimen starts in: received, collected or ordered, by what it records. */
  public static Specimen register(Specimen specimen) {
    setStatus(specimen, asked(specimen));
    return specimen;
  }

  /** The state a registration asks for: the one it states unless closed, else by the times it records. */
  static LifecycleStatus asked(Specimen registration) {
    return status(registration).filter(s -> !s.isClosed())
        .orElse(registration.hasReceivedTime() ? LifecycleStatus.RECEIVED
            : registration.hasCollection() && registration.getCollection().hasCollected() ? LifecycleStatus.COLLECTED
            : LifecycleStatus.ORDERED);
  }

  /**
   * Where a specimen already held stands when it is registered again: the registration may move it forward
   * as a lab's transition would (an ordered specimen now received), never back. A reported specimen stays
   * reported, a cancelled one cancelled.
   */
  public static LifecycleStatus registeredAgain(LifecycleStatus held, LifecycleStatus asked) {
    return held.next().contains(asked) ? asked : held;
  }

  public static Optional<LifecycleStatus> status(Specimen specimen) {
    Extension ext = specimen.getExtensionByUrl(Extensions.LIFECYCLE_STATUS);
    return ext == null || ext.getValue() == null ? Optional.empty() : LifecycleStatus.fromCode(ext.getValue().primitiveValue());
  }

  /**
   * Moves a specimen in its lifecycle, recording the time of receipt or collection it implies and, for
   * a rejection, the reason (FHIR: status unsatisfactory, the reason as a note).
   */
  public static Specimen transition(Specimen specimen, LifecycleStatus to, Instant at, String reason) {
    setStatus(specimen, to);
    switch (to) {
      case RECEIVED -> {
        if (!specimen.hasReceivedTime()) {
          specimen.setReceivedTime(Date.from(at));
        }
      }
      case COLLECTED -> {
        if (!specimen.getCollection().hasCollected()) {
          specimen.getCollection().setCollected(new org.hl7.fhir.r4.model.DateTimeType(Date.from(at)));
        }
      }
      case CANCELLED -> specimen.setStatus(Specimen.SpecimenStatus.UNAVAILABLE);
      case REJECTED -> specimen.setStatus(Specimen.SpecimenStatus.UNSATISFACTORY);
      default -> { }
    }
    if (reason != null && !reason.isBlank()) {
      specimen.addNote().setText(to.code() + ": " + reason).setTime(Date.from(at));
    }
    return specimen;
  }

  /**
   * Marks the specimen reported by a final report (amended when it was reported before) and records
   * its turnaround: from receipt in the lab to the time the report was issued (or, when the report
   * does not say, when it was classified).
   *
   * @return the updated specimen, or empty when the event does not complete it (a preliminary report)
   */
  public static Optional<Specimen> reported(Specimen specimen, ClassifiedReportEvent report) {
    if (!report.isFinal()) {
      return Optional.empty();
    }
    Instant reportedAt = report.issued().orElse(report.time());
    boolean before = status(specimen).map(LifecycleStatus::isReported).orElse(false);
    setStatus(specimen, before ? LifecycleStatus.AMENDED : LifecycleStatus.REPORTED);
    specimen.getExtension().removeIf(e -> Extensions.REPORTED_BY.equals(e.getUrl()) || Extensions.TURNAROUND.equals(e.getUrl()));
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

  static void setStatus(Specimen specimen, LifecycleStatus status) {
    specimen.getExtension().removeIf(e -> Extensions.LIFECYCLE_STATUS.equals(e.getUrl()));
    specimen.addExtension(Extensions.LIFECYCLE_STATUS, new CodeType(status.code()));
  }
}
