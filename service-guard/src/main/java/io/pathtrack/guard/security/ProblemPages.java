package io.pathtrack.guard.security;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.servlet.ModelAndView;

/**
 * The service's problem page ({@code pages/problem}: a title, the reason, the status), for every refusal of a request
 * to the pages ({@code /ui/**}) — not only those of page controllers ({@link PageErrorAnswers}) but also what no
 * controller answers (a method or path the pages do not have, a query that cannot be read, a form without its CSRF
 * token): a person reads these in a browser, where an OperationOutcome in JSON would be a broken page.
 */
public final class ProblemPages {
  /** Set by whoever refuses a page request before Spring MVC does, to say why in words (see {@link PageSignIn}). */
  public static final String REASON = ProblemPages.class.getName() + ".reason";

  private ProblemPages() {}

  /** Whether this request (or the one an error dispatch is about) is for the pages, their assets excepted. */
  public static boolean isPage(HttpServletRequest request) {
    Object original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    String uri = original instanceof String s ? s : request.getRequestURI();
    String path = uri == null ? "" : uri.substring(Math.min(uri.length(), request.getContextPath().length()));
    return path.startsWith("/ui/") && !path.startsWith("/ui/assets/");
  }

  /** The problem page for this status, with the words a person reads. */
  public static ModelAndView page(HttpStatusCode status, String title, String reason) {
    ModelAndView page = new ModelAndView("pages/problem", status);
    page.addObject("status", status.value());
    page.addObject("title", title);
    page.addObject("reason", reason == null ? "" : reason);
    return page;
  }

  /**
   * The problem page without the service's template, for what refuses a page request before Spring MVC can render
   * one (Tomcat, the firewall): the same title, reason and status, in plain HTML. The texts are the caller's own,
   * never the request's.
   */
  public static String plain(int status, String title, String reason) {
    return "<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>" + title
        + " · PathTrack</title></head>\n<body>\n<main id=\"main\">\n  <h1>" + title + "</h1>\n"
        + "  <p class=\"reason\" id=\"reason\">" + reason + "</p>\n  <p class=\"code\">HTTP " + status + "</p>\n"
        + "  <p><a href=\"/ui/\">Go to the start page</a></p>\n</main>\n</body>\n</html>\n";
  }

  /** The problem page for a refusal said in an OperationOutcome's words: a title from the status, its reason. */
  public static ModelAndView page(HttpStatusCode status, String reason) {
    return page(status, title(status.value()), reason);
  }

  /** The problem page's title for a status. */
  public static String title(int status) {
    return switch (status) {
      case 400 -> "This address is not right";
      case 403 -> "Not allowed";
      case 404 -> "Not found";
      case 405 -> "Not something this page does";
      default -> "Something went wrong";
    };
  }
}
