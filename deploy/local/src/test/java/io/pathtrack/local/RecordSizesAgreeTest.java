package io.pathtrack.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.pathtrack.contract.RecordSizes;
import io.pathtrack.kafka.embedded.EmbeddedKafkaBroker;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Every place that sets how large a record may be says the same as the contract. */
class RecordSizesAgreeTest {

  @Test
  void brokerAndClusterTopicScriptAcceptTheLargestRecordAServiceMayWrite() throws Exception {
    assertThat(EmbeddedKafkaBroker.MAX_MESSAGE_BYTES).isEqualTo(RecordSizes.MAX_RECORD_BYTES);
    String script = Files.readString(Path.of("../k8s/topics.sh"));
    assertThat(script).contains("MAX_MESSAGE_BYTES=" + RecordSizes.MAX_RECORD_BYTES);
    assertThat(RecordSizes.MAX_REPORT_BYTES).isLessThan(RecordSizes.MAX_EVENT_BYTES);
    assertThat(RecordSizes.MAX_EVENT_BYTES + RecordSizes.HEADROOM_BYTES).isLessThanOrEqualTo(RecordSizes.MAX_RECORD_BYTES);
  }
}
