package io.pathtrack.results.fuzz;

import io.pathtrack.contract.Outcome;
import io.pathtrack.results.ingest.ClassifiedReport;
import io.pathtrack.results.ingest.ReportIntake;
import io.pathtrack.results.validation.OperationOutcomes;
import io.pathtrack.results.validation.ReportRejectedException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The property every input to {@link ReportIntake#assess(byte[], String)} must have: it is answered,
 * within a time limit, either with classified reports or with a {@link ReportRejectedException} whose
 * issues make an OperationOutcome, never with another exception; a payload without diagnostic content is
 * never classified benign; an input with a DOCTYPE or ENTITY declaration is always refused.
 *
 * <p>An input that fails is written to {@code target/fuzz-findings/<channel>/} under the name its
 * regression seed takes in {@code src/test/resources/fuzz/regressions/<channel>/} (README there).
 */
final class IntakeProperty {
  static final Path FINDINGS = Path.of("target/fuzz-findings");

  /** What became of an input: classified or refused. */
  enum Answer { ACCEPTED, REFUSED }

  private final ReportIntake intake;
  private final Duration limit;
  private ExecutorService worker = newWorker();

  IntakeProperty(ReportIntake intake, Duration limit) {
    this.intake = intake;
    this.limit = limit;
  }

  /** @throws AssertionError naming the input, the failure and where the input was saved */
  Answer check(FuzzInput input) {
    Future<List<ClassifiedReport>> answer = worker.submit(() -> intake.assess(input.payload(), input.contentType()));
    List<ClassifiedReport> reports;
    try {
      reports = answer.get(limit.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      answer.cancel(true);
      worker.shutdownNow();
      worker = newWorker();
      throw failure(input, "no answer within " + limit, null);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof ReportRejectedException rejected) {
        checkRefusal(input, rejected);
        return Answer.REFUSED;
      }
      throw failure(input, "answered with " + e.getCause(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    checkAccepted(input, reports);
    return Answer.ACCEPTED;
  }

  private void checkRefusal(FuzzInput input, ReportRejectedException rejected) {
    try {
      if (rejected.issues().isEmpty() || OperationOutcomes.of(rejected.issues()).getIssue().isEmpty()) {
        throw failure(input, "refused without an issue", rejected);
      }
    } catch (RuntimeException e) {
      throw failure(input, "refusal cannot be told as an OperationOutcome: " + e, e);
    }
  }

  private void checkAccepted(FuzzInput input, List<ClassifiedReport> reports) {
    if (reports.isEmpty()) {
      throw failure(input, "accepted with no report", null);
    }
    for (ClassifiedReport report : reports) {
      if (report.accession() == null || report.accession().isBlank() || report.reportId() == null
          || report.classification() == null || report.classification().evidence().isEmpty()) {
        throw failure(input, "accepted incompletely: " + report, null);
      }
      if (input.withoutDiagnosticContent() && report.classification().outcome() == Outcome.BENIGN) {
        throw failure(input, "classified benign without diagnostic content: " + report.classification(), null);
      }
    }
    if (Declarations.declaresDoctypeOrEntity(input.payload())) {
      throw failure(input, "accepted with a DOCTYPE or ENTITY declaration", null);
    }
  }

  private static AssertionError failure(FuzzInput input, String what, Throwable cause) {
    Path saved = save(input);
    AssertionError error = new AssertionError(what + "\n  input: " + input.describe() + "\n  saved as " + saved.toAbsolutePath()
        + " (copy it to src/test/resources/fuzz/regressions/" + input.channel() + "/ to keep it as a regression seed)");
    if (cause != null) {
      error.initCause(cause);
    }
    return error;
  }

  /** The input under its regression-seed name: a digest of its bytes, {@code .nodx} when it has no diagnostic content. */
  static Path save(FuzzInput input) {
    try {
      String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(input.payload())).substring(0, 16);
      Path dir = Files.createDirectories(FINDINGS.resolve(input.channel()));
      Path file = dir.resolve(digest + (input.withoutDiagnosticContent() ? ".nodx." : ".") + input.channel());
      Files.write(file, input.payload());
      Files.writeString(dir.resolve(digest + ".txt"), input.describe() + "\n");
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ExecutorService newWorker() {
    return Executors.newSingleThreadExecutor(r -> {
      Thread thread = new Thread(r, "fuzz-intake");
      thread.setDaemon(true);
      return thread;
    });
  }
}
