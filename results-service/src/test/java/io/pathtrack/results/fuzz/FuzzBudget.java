package io.pathtrack.results.fuzz;

/**
 * How long a fuzz test runs. The normal build runs each test for its own small, fixed number of tries
 * from a fixed seed; {@code -Pfuzz} (or {@code -Dpathtrack.fuzz.tries=N}, {@code -Dpathtrack.fuzz.seed=S})
 * runs longer and elsewhere. README, "Testing", says how.
 */
final class FuzzBudget {
  static final long DEFAULT_SEED = 20261126L;

  private FuzzBudget() {}

  /** The tries for this run: {@code pathtrack.fuzz.tries} when set, else the test's bounded count. */
  static int tries(int bounded) {
    String value = System.getProperty("pathtrack.fuzz.tries", "");
    return value.isBlank() ? bounded : Integer.parseInt(value.trim());
  }

  /** The seed of this run: {@code pathtrack.fuzz.seed} when set ({@code random} picks one), else fixed. */
  static long seed() {
    String value = System.getProperty("pathtrack.fuzz.seed", "");
    if (value.isBlank()) {
      return DEFAULT_SEED;
    }
    return value.trim().equals("random") ? System.nanoTime() : Long.parseLong(value.trim());
  }

  /** A seed of its own for each try, so one failing try is replayed alone from its number. */
  static long seedOfTry(long runSeed, int attempt) {
    return runSeed * 1_000_003L + attempt;
  }
}
