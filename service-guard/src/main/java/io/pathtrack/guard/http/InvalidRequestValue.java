package io.pathtrack.guard.http;

/**
 * A request value a Spring MVC endpoint refuses before using it (a path id, a field of the body): answered
 * 400 with an OperationOutcome naming {@link #expression()}. The message says what is wrong and does not
 * repeat the value.
 */
public class InvalidRequestValue extends RuntimeException {
  private final String expression;

  public InvalidRequestValue(String expression, String message) {
    super(message);
    this.expression = expression;
  }

  /** Where the value was: a path parameter, a body field ({@code acknowledgement.by}). */
  public String expression() {
    return expression;
  }
}
