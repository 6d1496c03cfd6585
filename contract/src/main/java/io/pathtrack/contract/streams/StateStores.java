package io.pathtrack.contract.streams;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/** The state stores of the services' stream processors: persistent (RocksDB, with a changelog), keyed by text. */
public final class StateStores {
  private StateStores() {}

  /** A persistent key-value store of this name, text keys and text values. */
  public static StoreBuilder<KeyValueStore<String, String>> persistent(String name) {
    return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), Serdes.String());
  }
}
