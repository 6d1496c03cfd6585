package io.pathtrack.testsupport.fuzz;

/**
 * How long a fuzz test runs: its own small, fixed number of tries from a fixed seed in the normal build;
 * {@code -Dpathtrack.fuzz.tries=N} and {@code -Dpathtrack.fuzz.seed=S} ({@code random} picks one) run
 * longer or elsewhere. The same names as results-service's fuzz tests; README, "Testing", says how.
 */
public final class FuzzBudget {
  public static final long DEFAULT_SEED = 20261126L;

  private FuzzBudget() {}

  /** The tries for this run: {@code pathtrack.fuzz.tries} when set, else the test's bounded count. */
  public static int tries(int bounded) {
    String value = System.getProperty("pathtrack.fuzz.tries", "");
    return value.isBlank() ? bounded : Integer.parseInt(value.trim());
  }

  /** The seed of this run: {@code pathtrack.fuzz.seed} when set ({@code random} picks one), else fixed. */
  public static long seed() {
    String value = System.getProperty("pathtrack.fuzz.seed", "");
    if (value.isBlank()) {
      return DEFAULT_SEED;
    }
    return value.trim().equals("random") ? System.nanoTime() : Long.parseLong(value.trim());
  }

  /** A seed of its own for each try, so one failing try is replayed alone from its number. */
  public static long seedOfTry(long runSeed, int attempt) {
    return runSeed * 1_000_003L + attempt;
  }
}
