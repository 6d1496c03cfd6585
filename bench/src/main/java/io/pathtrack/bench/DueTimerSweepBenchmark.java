package io.pathtrack.bench;

import io.pathtrack.specimen.domain.DueTimer;
import io.pathtrack.specimen.sla.DueTimerIndex;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The cost of one SLA timer sweep — find the timers due now — against the same RocksDB store Kafka
 * Streams gives specimen-service, with 10^4, 10^5 and 10^6 open specimens (two timers each) and a
 * fixed 100 due. If the index works, the time stays flat as the open count grows.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DueTimerSweepBenchmark {
  private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
  private static final int DUE = 100;

  @Param({"10000", "100000", "1000000"})
  public int open;

  private TopologyTestDriver driver;
  private DueTimerIndex index;
  private Path stateDir;

  @Setup(Level.Trial)
  public void fill() throws Exception {
    stateDir = Files.createTempDirectory("sweep-bench");
    StreamsBuilder builder = new StreamsBuilder();
    builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore("sla-timers"), Serdes.String(), Serdes.String()));
    builder.stream("unused", Consumed.with(Serdes.String(), Serdes.String()))
        .process(() -> new org.apache.kafka.streams.processor.api.ContextualProcessor<String, String, Void, Void>() {
          @Override
          public void process(org.apache.kafka.streams.processor.api.Record<String, String> record) { }
        }, "sla-timers");
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "sweep-bench");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    driver = new TopologyTestDriver(builder.build(), props);
    KeyValueStore<String, String> store = driver.getKeyValueStore("sla-timers");
    index = new DueTimerIndex(store);
    for (int i = 0; i < open; i++) {
      // DUE specimens are past due; the rest fall due over the coming weeks.
      Instant warning = i < DUE ? NOW.minusSeconds(60 + i) : NOW.plus(Duration.ofMinutes(1 + (i % 40_000)));
      String accession = "S26-" + i;
      index.add(new DueTimer(warning, DueTimer.Kind.WARNING, accession));
      index.add(new DueTimer(warning.plus(Duration.ofHours(12)), DueTimer.Kind.BREACH, accession));
    }
  }

  @Benchmark
  public List<DueTimer> sweep() {
    List<DueTimer> due = index.due(NOW, 10_000);
    if (due.size() != DUE) {
      throw new IllegalStateException("expected " + DUE + " due, found " + due.size());
    }
    return due;
  }

  @TearDown(Level.Trial)
  public void close() {
    driver.close();
  }
}
