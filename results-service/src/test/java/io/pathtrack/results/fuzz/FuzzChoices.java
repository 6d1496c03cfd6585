package io.pathtrack.results.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Where a mutator takes its decisions from: a seeded random source for the bounded run in the normal
 * build (the same seed gives the same inputs, so a CI failure reproduces), or Jazzer's fuzzed data for
 * the coverage-guided long run. The mutators are the same in both.
 */
interface FuzzChoices {

  /** A number from 0 to {@code bound - 1}; {@code bound} is at least 1. */
  int below(int bound);

  /** Up to {@code maxLength} arbitrary bytes. */
  byte[] bytes(int maxLength);

  default boolean oneIn(int n) {
    return below(n) == 0;
  }

  default int between(int min, int max) {
    return min + below(max - min + 1);
  }

  default <T> T pick(List<T> items) {
    return items.get(below(items.size()));
  }

  static FuzzChoices seeded(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    return new FuzzChoices() {
      @Override
      public int below(int bound) {
        return random.nextInt(bound);
      }

      @Override
      public byte[] bytes(int maxLength) {
        byte[] out = new byte[random.nextInt(maxLength + 1)];
        random.nextBytes(out);
        return out;
      }
    };
  }

  static FuzzChoices jazzer(FuzzedDataProvider data) {
    return new FuzzChoices() {
      @Override
      public int below(int bound) {
        return bound <= 1 ? 0 : data.consumeInt(0, bound - 1);
      }

      @Override
      public byte[] bytes(int maxLength) {
        return data.consumeBytes(maxLength);
      }
    };
  }
}
