package io.pathtrack.notify.domain;

import java.util.Locale;

/** Why a notification exists (docs/architecture.md §6); part of its idempotency key. */
public enum Trigger {
  RESULT,
  /** An amended or corrected report changed the outcome: urgent, referencing the earlier notification. */
  OUTCOME_CHANGED,
  /** Unacknowledged past the deadline: the next in the chain is told. */
  ESCALATION,
  /** Its recipient declined it (not their patient): the results desk is told at once. */
  DECLINED,
  /** The lab is told that a recipient declined a result (routine, for information). */
  DECLINED_NOTICE,
  SLA_WARNING,
  SLA_BREACH;

  public String code() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static Trigger fromCode(String code) {
    return valueOf(code.toUpperCase(Locale.ROOT).replace('-', '_'));
  }
}
