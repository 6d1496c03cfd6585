package io.pathtrack.notify.delivery;

import io.pathtrack.notify.ChannelProperties;
import io.pathtrack.notify.domain.DeliveryChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The threads deliveries run on, off the consumer thread: for each channel a fixed number of lanes, each a single
 * thread that takes its work in the order it was given. A key (the recipient) always maps to the same lane of a
 * channel, so one recipient's deliveries on a channel keep their order, while different recipients' run side by side.
 * How much is queued is bounded by the caller, which hands over one polled batch and waits for it.
 */
final class DeliveryLanes implements AutoCloseable {
  private static final Duration STOP = Duration.ofSeconds(5);

  private final Map<DeliveryChannel, ExecutorService[]> lanes = new EnumMap<>(DeliveryChannel.class);
  /** Deliveries handed over and not yet ended, so that closing can end those it drops. */
  private final Set<CompletableFuture<?>> pending = ConcurrentHashMap.newKeySet();
  private volatile boolean closing;

  DeliveryLanes(ChannelProperties.Lanes sizes) {
    lanes.put(DeliveryChannel.EMAIL, start(DeliveryChannel.EMAIL, sizes.email()));
    lanes.put(DeliveryChannel.WEBHOOK, start(DeliveryChannel.WEBHOOK, sizes.webhook()));
    lanes.put(DeliveryChannel.FHIR, start(DeliveryChannel.FHIR, sizes.fhir()));
  }

  /**
   * Runs the delivery on the key's lane of the channel. The result always completes: with the delivery's outcome, or
   * exceptionally if the delivery threw or the lanes were closed before it ran.
   */
  <T> CompletableFuture<T> submit(DeliveryChannel channel, String key, Supplier<T> delivery) {
    ExecutorService[] of = lanes.get(channel);
    if (of == null) {
      throw new IllegalArgumentException("no delivery lanes for channel " + channel.code());
    }
    CompletableFuture<T> result = new CompletableFuture<>();
    pending.add(result);
    try {
      of[Math.floorMod(key.hashCode(), of.length)].execute(() -> {
        try {
          result.complete(delivery.get());
        } catch (Throwable e) {
          result.completeExceptionally(e);
        } finally {
          pending.remove(result);
        }
      });
    } catch (RejectedExecutionException e) {
      pending.remove(result);
      result.completeExceptionally(new IllegalStateException("the delivery lanes are closed", e));
    }
    return result;
  }

  /** True once {@link #close()} has begun: a delivery interrupted now was stopped, it did not fail. */
  boolean closing() {
    return closing;
  }

  int lanes(DeliveryChannel channel) {
    return lanes.get(channel).length;
  }

  /**
   * Lets the deliveries under way finish (briefly), then stops the threads; a delivery that did not run or end by then
   * ends exceptionally, so that nobody waits for it for ever and its notification is not taken as handled.
   */
  @Override
  public void close() {
    closing = true;
    List<ExecutorService> all = new ArrayList<>();
    lanes.values().forEach(of -> all.addAll(List.of(of)));
    all.forEach(ExecutorService::shutdown);
    long deadline = System.nanoTime() + STOP.toNanos();
    for (ExecutorService lane : all) {
      try {
        if (!lane.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
          lane.shutdownNow();
        }
      } catch (InterruptedException e) {
        lane.shutdownNow();
        Thread.currentThread().interrupt();
      }
    }
    IllegalStateException stopped = new IllegalStateException("the service stopped before the delivery ended");
    pending.forEach(result -> result.completeExceptionally(stopped));
    pending.clear();
  }

  private static ExecutorService[] start(DeliveryChannel channel, int size) {
    ExecutorService[] of = new ExecutorService[size];
    AtomicInteger number = new AtomicInteger();
    ThreadFactory threads = task -> {
      Thread t = new Thread(task, "delivery-" + channel.code() + "-" + number.getAndIncrement());
      t.setDaemon(true);
      return t;
    };
    for (int i = 0; i < size; i++) {
      of[i] = Executors.newSingleThreadExecutor(threads);
    }
    return of;
  }
}
