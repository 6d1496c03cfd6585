package io.pathtrack.guard.security;

import io.pathtrack.guard.http.InvalidRequestValue;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Refusals on the pages ({@link PageController}) are pages too: 403 (not yours, or a scope the sign-in did not grant),
 * 404 and 400, each saying why in words for the person reading, in the service's {@code pages/problem} template.
 * Other failures of a page request are answered with the same page by the service's error answers ({@link ProblemPages}).
 */
@ControllerAdvice(annotations = PageController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrorAnswers {

  @ExceptionHandler(AccessRefused.class)
  ModelAndView refused(AccessRefused e) {
    return page(HttpStatus.FORBIDDEN, "Not yours to see", e.getMessage());
  }

  @ExceptionHandler(InvalidRequestValue.class)
  ModelAndView invalid(InvalidRequestValue e) {
    return page(HttpStatus.BAD_REQUEST, "This address is not right", e.getMessage());
  }

  @ExceptionHandler(ResponseStatusException.class)
  ModelAndView status(ResponseStatusException e) {
    HttpStatusCode status = e.getStatusCode();
    return page(status, status.value() == 404 ? "Not found" : "Something went wrong", e.getReason());
  }

  private static ModelAndView page(HttpStatusCode status, String title, String reason) {
    return ProblemPages.page(status, title, reason);
  }
}
