package io.pathtrack.specimen.registration;

import io.pathtrack.contract.Accessions;
import io.pathtrack.contract.SpecimenOrders;
import io.pathtrack.specimen.SpecimenProperties;
import io.pathtrack.specimen.lifecycle.SpecimenChanges;
import io.pathtrack.specimen.registration.SpecimenRegistration.RegistrationException;
import io.pathtrack.specimen.registration.SpecimenRegistration.RegistrationException.Kind;
import io.pathtrack.specimen.domain.SpecimenRecord;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.hl7.fhir.r4.model.Specimen;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.stereotype.Service;

/**
 * Corrects a registered specimen on purpose: another patient, ordering practitioner, procedure. The caller
 * names the version it read (If-Match), so a correction never overwrites a change it has not seen; it
 * replaces what the lab registered and never what the lifecycle owns ({@link SpecimenChanges}). It is
 * published as a correction event naming the elements it changed, and answered once the lifecycle has
 * applied it, so the answer carries the new version.
 */
@Service
public class SpecimenCorrections {
  private static final Duration POLL = Duration.ofMillis(20);

  /**
   * Corrections of one accession one at a time, from the version check until applied: the service runs as
   * one instance (deploy/k8s/specimen-service.yaml), so a lost update needs no more than this.
   */
  private final Object[] locks = IntStream.range(0, 64).mapToObj(i -> new Object()).toArray();
  private final SpecimenRegistration registration;
  private final SpecimenStore store;
  private final RetryTemplate untilApplied;

  public SpecimenCorrections(SpecimenRegistration registration, SpecimenStore store, SpecimenProperties properties) {
    this.registration = registration;
    this.store = store;
    this.untilApplied = new RetryTemplate(RetryPolicy.builder().includes(NotApplied.class).delay(POLL).jitter(Duration.ZERO)
        .maxRetries(Math.max(1, properties.correctionWait().toMillis() / POLL.toMillis())).build());
  }

  /**
   * A correction as applied.
   *
   * @param record the specimen's record holding the correction, at its new version (as held when nothing changed)
   * @param changed the elements the correction changed (FHIRPath), none when it changed nothing
   */
  public record Correction(SpecimenRecord record, List<String> changed) {}

  /**
   * Corrects the specimen registered under {@code accession} to {@code correction}.
   *
   * @param ifMatch the version the caller read and corrects (the If-Match ETag's value), if it named one
   */
  public Correction correct(String accession, Optional<String> ifMatch, Specimen correction) {
    Accessions.problem(accession).ifPresent(problem -> {
      throw new RegistrationException("Specimen.id", "the specimen id in the path is its accession, and " + problem, Kind.INVALID);
    });
    if (!SpecimenRegistration.accessionOf(correction).equals(accession)) {
      throw new RegistrationException("Specimen.accessionIdentifier", "the accession in the body is not the specimen id in the"
          + " path; a correction does not change a specimen's accession", Kind.MISMATCH);
    }
    SpecimenRegistration.check(correction);
    synchronized (locks[Math.floorMod(accession.hashCode(), locks.length)]) {
      SpecimenRecord record = store.find(accession).orElseThrow(() -> new RegistrationException("Specimen.id",
          "no specimen is registered with this accession; a specimen is registered with POST", Kind.NOT_FOUND));
      String version = ifMatch.filter(v -> !v.isBlank()).orElseThrow(() -> new RegistrationException("http.If-Match",
          "a correction names the version it corrects: If-Match: W/\"<versionId>\", the ETag of the specimen read", Kind.VERSION_REQUIRED));
      if (!version.equals(Long.toString(record.version()))) {
        throw new RegistrationException("http.If-Match", "the specimen has changed since the version If-Match names:"
            + " read it again, and correct what it holds now", Kind.VERSION_STALE);
      }
      Specimen held = SpecimenOrders.parse(record.specimenJson());
      List<String> lifecycle = SpecimenChanges.lifecycleConflicts(held, correction);
      if (!lifecycle.isEmpty()) {
        throw new RegistrationException(lifecycle, "a correction does not move a specimen in its lifecycle, nor change the"
            + " times that start its turnaround clock: leave these out or as they are; the status changes with $transition",
            Kind.CONFLICT);
      }
      Specimen corrected = SpecimenChanges.corrected(held, SpecimenChanges.unversioned(correction));
      List<String> changed = SpecimenChanges.changed(held, corrected);
      if (changed.isEmpty()) {
        return new Correction(record, changed);
      }
      registration.publishCorrection(accession, corrected, changed);
      return new Correction(applied(accession, record.version(), corrected), changed);
    }
  }

  /** The record once the lifecycle has applied the correction: a later version that holds it. */
  private SpecimenRecord applied(String accession, long before, Specimen corrected) {
    try {
      return untilApplied.execute(() -> store.find(accession)
          .filter(r -> r.version() > before && holds(r, corrected)).orElseThrow(NotApplied::new));
    } catch (RetryException e) {
      throw new RegistrationException(List.of(), "the correction was sent but is not applied yet: read Specimen/" + accession
          + " for its version before correcting it again", Kind.PENDING);
    }
  }

  /** Whether the record holds what the correction says: applying it again would change nothing. */
  private static boolean holds(SpecimenRecord record, Specimen corrected) {
    Specimen held = SpecimenOrders.parse(record.specimenJson());
    return SpecimenChanges.changed(held, SpecimenChanges.corrected(held, corrected)).isEmpty();
  }

  /** Not applied yet: tried again shortly. */
  private static final class NotApplied extends RuntimeException {
    NotApplied() {
      super(null, null, false, false);
    }
  }
}
