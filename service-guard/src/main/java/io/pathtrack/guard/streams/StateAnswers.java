package io.pathtrack.guard.streams;

import io.pathtrack.guard.http.InvalidRequestValue;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The endpoint at which one instance answers another for the state it holds ({@link KeyedState}): a service maps
 * {@code GET <path>/{key}?partition=&stale=} and {@code GET <path>?partitions=&stale=} to these, behind
 * {@code @RequiresScope(value = "…", systemOnly = true)}. Parameters are checked; a refused one is 400 naming it.
 */
public final class StateAnswers {
  /** More partitions than any topic of this system has. */
  static final int MAX_PARTITION = 9_999;
  private static final MediaType STATE = MediaType.parseMediaType(KeyedState.MEDIA_TYPE);

  private StateAnswers() {}

  public static ResponseEntity<byte[]> one(KeyedState<?> state, String key, String partition, boolean stale) {
    return answer(state.serveOne(key, partition(partition, "partition"), stale));
  }

  public static ResponseEntity<byte[]> all(KeyedState<?> state, String partitions, boolean stale) {
    if (partitions == null || partitions.isBlank() || partitions.length() > 5 * (MAX_PARTITION + 1)) {
      throw new InvalidRequestValue("partitions", "partitions is a comma-separated list of partition numbers");
    }
    Set<Integer> wanted = new TreeSet<>();
    for (String p : partitions.split(",", -1)) {
      wanted.add(partition(p, "partitions"));
    }
    return answer(state.serveAll(wanted, stale));
  }

  private static int partition(String text, String name) {
    if (text == null || !text.matches("[0-9]{1,4}")) {
      throw new InvalidRequestValue(name, name + " must be a partition number from 0 to " + MAX_PARTITION);
    }
    return Integer.parseInt(text);
  }

  private static ResponseEntity<byte[]> answer(KeyedState.Served served) {
    ResponseEntity.BodyBuilder answer = ResponseEntity.status(served.status()).contentType(STATE);
    if (served.status() == 503) {
      answer.header("Retry-After", "1");
    }
    return answer.body(served.body());
  }
}
