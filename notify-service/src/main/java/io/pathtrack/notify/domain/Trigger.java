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
  SLA_BREACH,
  /** An amended, corrected or appended report whose outcome did not change: told to everyone told of an earlier version and the care team. */
  AMENDED,
  /** A microbiology culture result: growth is high priority, a final no growth routine. */
  CULTURE,
  /** A nondiagnostic result: its own notification, since a repeat biopsy must be arranged. */
  NONDIAGNOSTIC,
  /** Benign pathology for a lesion imaging called highly suspicious: urgent, to the ordering physician and radiologist. */
  DISCORDANT,
  /** A result not what imaging led one to expect, or calcifications not confirmed: to the radiologist, for review. */
  CONCORDANCE_REVIEW,
  /** The lab rejected the specimen (unlabelled, wrong container…): a new specimen must be obtained. */
  SPECIMEN_REJECTED,
  /** The specimen was cancelled before a report. */
  SPECIMEN_CANCELLED,
  /** A follow-up the report recommended is past its due date and not done. */
  FOLLOW_UP_OVERDUE;

  /** Whether notifications of this trigger answer a radiology-pathology concordance question (acknowledged apart from the result). */
  public boolean concordance() {
    return this == DISCORDANT || this == CONCORDANCE_REVIEW;
  }

  public String code() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static Trigger fromCode(String code) {
    return valueOf(code.toUpperCase(Locale.ROOT).replace('-', '_'));
  }
}
