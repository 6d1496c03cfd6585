package io.pathtrack.specimen.api;

import io.pathtrack.guard.security.RequiresScope;
import io.pathtrack.guard.streams.StateAnswers;
import io.pathtrack.specimen.registration.SpecimenStore;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where another instance of specimen-service asks this one for the specimen records it holds (README, Several
 * instances). Only a service's own client may call it ({@code system/Specimen.r}): it answers records before any
 * per-practitioner filter, which the instance that was asked by a person applies.
 */
@RestController
@RequiresScope(value = "Specimen.r", systemOnly = true)
class SpecimenStateController {
  private final SpecimenStore store;

  SpecimenStateController(SpecimenStore store) {
    this.store = store;
  }

  @GetMapping(SpecimenStore.PEER_PATH + "/{accession}")
  ResponseEntity<byte[]> one(@PathVariable String accession, @RequestParam(required = false) String partition,
      @RequestParam(defaultValue = "false") boolean stale) {
    return StateAnswers.one(store.shared(), accession, partition, stale);
  }

  @GetMapping(SpecimenStore.PEER_PATH)
  ResponseEntity<byte[]> all(@RequestParam(required = false) String partitions,
      @RequestParam(defaultValue = "false") boolean stale) {
    return StateAnswers.all(store.shared(), partitions, stale);
  }
}
