package io.pathtrack.results.validation;

import java.util.List;
import java.util.stream.Collectors;

/** An inbound report that cannot be accepted, with every reason found. */
public class ReportRejectedException extends RuntimeException {
  private final transient List<ValidationIssue> issues;
  private final boolean parseFailure;

  public ReportRejectedException(List<ValidationIssue> issues, boolean parseFailure) {
    super(issues.stream().map(i -> i.expression() + ": " + i.message()).collect(Collectors.joining("; ")));
    if (issues.isEmpty()) {
      throw new IllegalArgumentException("a rejection needs at least one issue");
    }
    this.issues = List.copyOf(issues);
    this.parseFailure = parseFailure;
  }

  public List<ValidationIssue> issues() {
    return issues;
  }

  /** True when the payload could not be read at all (HTTP 400), false when it was read but is wrong (422). */
  public boolean parseFailure() {
    return parseFailure;
  }

  /** The first issue, named in one-line reasons (dead-letter headers, metrics). */
  public ValidationIssue primary() {
    return issues.get(0);
  }
}
