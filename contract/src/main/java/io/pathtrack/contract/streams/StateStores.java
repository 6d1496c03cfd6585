package io.pathtrack.contract.streams;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/** The state stores of the services' stream processors: persistent (RocksDB, with a changelog), keyed by accession. */
public final class StateStores {
  private StateStores() {}

  /** A persistent key-value store of this name whose values are of the serde's type. */
  public static <V> StoreBuilder<KeyValueStore<String, V>> persistent(String name, Serde<V> values) {
    return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), values);
  }

  /** A persistent due-time index of this name ({@link DueIndex}: sorted text keys, text values). */
  public static StoreBuilder<KeyValueStore<String, String>> dueIndex(String name) {
    return persistent(name, Serdes.String());
  }
}
