package io.pathtrack.results.amendment;

import io.pathtrack.contract.Outcome;

/**
 * What the system remembers of one accepted report version.
 *
 * @param contentHash SHA-256 of the report as published; equal hashes are the same delivery twice
 */
public record ReportVersion(String reportId, String version, String status, String contentHash, Outcome outcome) {

  public boolean isRetraction() {
    return "entered-in-error".equals(status);
  }
}
