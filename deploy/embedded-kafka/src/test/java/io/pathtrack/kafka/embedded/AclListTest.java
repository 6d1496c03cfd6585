package io.pathtrack.kafka.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The ACL list's format: one grant per operation, and a line that says anything else refused with its number. */
class AclListTest {

  @Test
  void eachOperationOfALineIsOneGrant() {
    AclList acls = AclList.parse("""
        # comment
        User:app   TOPIC  LITERAL   orders   READ,WRITE

        User:app\tTRANSACTIONAL_ID\tPREFIXED\tapp-\tWRITE,DESCRIBE
        """);
    assertThat(acls.bindings()).hasSize(4);
    assertThat(acls.users()).containsExactly("app");
    assertThat(acls.literalTopics()).containsExactly("orders");
    assertThat(acls.grants("User:app", ResourceType.TRANSACTIONAL_ID, "app-1-0", AclOperation.WRITE)).isTrue();
    assertThat(acls.grants("User:app", ResourceType.TOPIC, "orders", AclOperation.DELETE)).isFalse();
    assertThat(acls.grants("User:other", ResourceType.TOPIC, "orders", AclOperation.READ)).isFalse();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "User:app TOPIC LITERAL orders                | expected principal",
      "app TOPIC LITERAL orders READ                | expected principal",
      "User:app TABLE LITERAL orders READ           | unknown resource type TABLE",
      "User:app TOPIC MATCH orders READ             | pattern type must be LITERAL or PREFIXED",
      "User:app TOPIC LITERAL orders READ,SHRED     | unknown operation SHRED",
      "User:app TOPIC LITERAL orders ANY            | unknown operation ANY"})
  void aLineThatSaysSomethingElseIsRefusedWithItsNumber(String line, String why) {
    assertThatThrownBy(() -> AclList.parse("# first\n" + line))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("line 2").hasMessageContaining(why);
  }
}
