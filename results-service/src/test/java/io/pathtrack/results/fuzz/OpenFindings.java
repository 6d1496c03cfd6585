package io.pathtrack.results.fuzz;

import io.pathtrack.results.hl7.Er7Text;
import io.pathtrack.results.ingest.ReportIntake;
import io.pathtrack.results.validation.ReportRejectedException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Failures of the fuzz properties that are known, reported and not yet fixed (their code is being
 * changed elsewhere), each described precisely enough to recognise the inputs it explains and no
 * others. An input one of them explains is counted, not failed. {@code OpenFindingsTest} checks that
 * each still reproduces: once one is fixed it fails, and then the entry is removed here.
 */
enum OpenFindings {

  /**
   * PayloadGuard looks for a DOCTYPE or ENTITY declaration only in the first 4096 bytes, read as UTF-8:
   * a declaration after a longer comment or processing instruction reaches HAPI's XML parser, which
   * ignores it (it resolves no entities, so nothing is read from outside), and the report is accepted
   * although every XML input with such a declaration must be refused.
   */
  DOCTYPE_BEYOND_GUARD_WINDOW,

  /**
   * Er7Text.normalize splits each line on {@code \s+(?=OBX|…)}: on a run of n blanks the regex tries
   * every start in the run and scans to its end, n²/2 steps. 10,000 blanks in one OBX-5 take seconds,
   * 60,000 minutes; a 1 MB message would hold the Kafka pipeline or an MLLP connection for hours. Such
   * inputs are not run, since each would only wait out the time limit.
   */
  ER7_BLANK_RUN_IS_QUADRATIC,

  /**
   * ReportIntake.version reads {@code issued} when {@code hasIssued()}, which is also true for an issued
   * element with only extensions (a data-absent-reason, or a value the lenient parser dropped): a
   * preliminary or partial report with such an element fails with a NullPointerException (REST: 500)
   * instead of being versioned by its status alone. Signed-out reports are refused before that.
   */
  VALUELESS_ISSUED_FAILS_REPORT_VERSION,

  /**
   * The REST endpoints let HAPI's RestfulServer parse the body, and HAPI's parser fails on some
   * malformed resources with an exception other than DataFormatException (a blank resourceType in a
   * contained resource, a bundle entry whose resource is not an object, a request method outside the
   * HTTP verbs): the server answers 500 where ReportReader, reading the same bytes, refuses them as
   * unparseable.
   */
  REST_PARSER_FAILURE_IS_SERVER_ERROR;

  static final Pattern DECLARATION = Pattern.compile("<!\\s*(DOCTYPE|ENTITY)", Pattern.CASE_INSENSITIVE);
  private static final int GUARD_WINDOW = 4096;
  /** Below this many blanks in a row the quadratic split still answers in milliseconds. */
  static final int LONG_BLANK_RUN = 1_000;
  private static final Pattern BLANK_RUN = Pattern.compile("[ \\t\\x0B\\f]{" + LONG_BLANK_RUN + "}");

  /** The open finding that makes running this input pointless, if one does. */
  static Optional<OpenFindings> notRun(FuzzInput input) {
    if (Er7Text.isHl7(input.payload(), input.contentType())
        && BLANK_RUN.matcher(Er7Text.decode(input.payload())).find()) {
      return Optional.of(ER7_BLANK_RUN_IS_QUADRATIC);
    }
    return Optional.empty();
  }

  /** The open finding that explains an input with a declaration being accepted, if one does. */
  static Optional<OpenFindings> explainingAcceptedDeclaration(byte[] payload) {
    String window = new String(payload, 0, Math.min(payload.length, GUARD_WINDOW), StandardCharsets.UTF_8);
    return DECLARATION.matcher(window).find() ? Optional.empty() : Optional.of(DOCTYPE_BEYOND_GUARD_WINDOW);
  }

  /** The open finding that explains an exception thrown by the intake, if one does. */
  static Optional<OpenFindings> explainingException(Throwable thrown) {
    if (thrown instanceof NullPointerException && thrown.getStackTrace().length > 0
        && thrown.getStackTrace()[0].getClassName().equals("io.pathtrack.results.ingest.ReportIntake")
        && thrown.getStackTrace()[0].getMethodName().equals("version")) {
      return Optional.of(VALUELESS_ISSUED_FAILS_REPORT_VERSION);
    }
    return Optional.empty();
  }

  /**
   * The open finding that explains a 5xx answer from the REST endpoint: by the failure its body names,
   * or because ReportReader finds HAPI's parser failing on the same bytes with another exception.
   */
  static Optional<OpenFindings> explainingServerError(String body, FuzzInput input, ReportIntake intake) {
    if (body != null && body.contains("DiagnosticReport.getIssued()")) {
      return Optional.of(VALUELESS_ISSUED_FAILS_REPORT_VERSION);
    }
    try {
      intake.reader().read(input.payload(), input.contentType());
    } catch (ReportRejectedException e) {
      if (e.parseFailure() && e.primary().message().startsWith("cannot be parsed: java.")) {
        return Optional.of(REST_PARSER_FAILURE_IS_SERVER_ERROR);
      }
    } catch (RuntimeException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  /** True when the bytes, read as UTF-8, UTF-16 or Latin-1, hold a DOCTYPE or ENTITY declaration. */
  static boolean declaresDoctypeOrEntity(byte[] payload) {
    for (var charset : List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE,
        StandardCharsets.ISO_8859_1)) {
      if (DECLARATION.matcher(new String(payload, charset)).find()) {
        return true;
      }
    }
    return false;
  }
}
