package io.pathtrack.notify.report;

import io.pathtrack.guard.security.RequiresScope;
import io.pathtrack.guard.streams.StateAnswers;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where another instance of notify-service asks this one for the report histories it holds (README, Several
 * instances). Only a service's own client may call it ({@code system/DiagnosticReport.r}): the instance a person
 * asked decides what that person may see.
 */
@RestController
@RequiresScope(value = "DiagnosticReport.r", systemOnly = true)
class ReportStateController {
  private final ReportStore store;

  ReportStateController(ReportStore store) {
    this.store = store;
  }

  @GetMapping(ReportStore.PEER_PATH + "/{accession}")
  ResponseEntity<byte[]> one(@PathVariable String accession, @RequestParam(required = false) String partition,
      @RequestParam(defaultValue = "false") boolean stale) {
    return StateAnswers.one(store.shared(), accession, partition, stale);
  }

  @GetMapping(ReportStore.PEER_PATH)
  ResponseEntity<byte[]> all(@RequestParam(required = false) String partitions,
      @RequestParam(defaultValue = "false") boolean stale) {
    return StateAnswers.all(store.shared(), partitions, stale);
  }
}
