package io.pathtrack.results.fuzz;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;

/** Runs a generator against the intake property for this run's tries and seed, and tells what it saw. */
final class FuzzRun {
  record Summary(int tries, long seed, Map<IntakeProperty.Answer, Integer> answers, int withoutDiagnosticContent,
      int withDeclaration, long millis, long slowestMillis, String slowest) {
    int accepted() {
      return answers.getOrDefault(IntakeProperty.Answer.ACCEPTED, 0);
    }

    int refused() {
      return answers.getOrDefault(IntakeProperty.Answer.REFUSED, 0);
    }
  }

  private FuzzRun() {}

  static Summary run(String name, int boundedTries, IntakeProperty property, Function<FuzzChoices, FuzzInput> generator) {
    long seed = FuzzBudget.seed();
    int tries = FuzzBudget.tries(boundedTries);
    Map<IntakeProperty.Answer, Integer> answers = new EnumMap<>(IntakeProperty.Answer.class);
    int empty = 0;
    int declarations = 0;
    long slowestNanos = 0;
    String slowest = "";
    long start = System.nanoTime();
    for (int attempt = 0; attempt < tries; attempt++) {
      FuzzInput input = generator.apply(FuzzChoices.seeded(FuzzBudget.seedOfTry(seed, attempt)));
      try {
        long before = System.nanoTime();
        answers.merge(property.check(input), 1, Integer::sum);
        if (System.nanoTime() - before > slowestNanos) {
          slowestNanos = System.nanoTime() - before;
          slowest = "try " + attempt + ": " + input.describe();
        }
      } catch (AssertionError e) {
        throw new AssertionError(name + ", try " + attempt + " of seed " + seed + " (-Dpathtrack.fuzz.seed=" + seed + "): "
            + e.getMessage(), e.getCause());
      }
      empty += input.withoutDiagnosticContent() ? 1 : 0;
      declarations += Declarations.declaresDoctypeOrEntity(input.payload()) ? 1 : 0;
    }
    Summary summary = new Summary(tries, seed, answers, empty, declarations, (System.nanoTime() - start) / 1_000_000,
        slowestNanos / 1_000_000, slowest);
    System.out.println(name + ": " + summary);
    return summary;
  }
}
