package io.pathtrack.specimen.pages;

import io.pathtrack.contract.ProcedureType;
import io.pathtrack.guard.http.InvalidRequestValue;
import io.pathtrack.specimen.domain.SlaState;
import io.pathtrack.specimen.domain.SpecimenRecord;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The board's filters, each a closed list of values (an empty one shows all): procedure type and turnaround state. */
record BoardFilter(Optional<ProcedureType> procedure, Optional<SlaState> state) {
  static final List<SlaState> STATES = List.of(SlaState.ON_TRACK, SlaState.WARNING, SlaState.BREACHED);

  static BoardFilter of(String procedure, String state) {
    Optional<ProcedureType> p = given(procedure).map(v -> ProcedureType.fromCode(v).orElseThrow(() -> new InvalidRequestValue(
        "procedure", "'procedure' must be one of " + Arrays.stream(ProcedureType.values()).map(ProcedureType::code).toList())));
    Optional<SlaState> s = given(state).map(v -> STATES.stream().filter(x -> x.code().equalsIgnoreCase(v)).findFirst()
        .orElseThrow(() -> new InvalidRequestValue("state",
            "'state' must be one of " + STATES.stream().map(SlaState::code).toList())));
    return new BoardFilter(p, s);
  }

  boolean accepts(SpecimenRecord r) {
    return procedure.map(p -> p == r.procedure()).orElse(true) && state.map(s -> s == r.slaState()).orElse(true);
  }

  public String procedureCode() {
    return procedure.map(ProcedureType::code).orElse("");
  }

  public String stateCode() {
    return state.map(SlaState::code).orElse("");
  }

  private static Optional<String> given(String value) {
    return Optional.ofNullable(value).filter(v -> !v.isBlank());
  }
}
