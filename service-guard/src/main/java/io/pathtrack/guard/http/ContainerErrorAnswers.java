package io.pathtrack.guard.http;

import io.pathtrack.guard.security.ProblemPages;
import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;

/**
 * The answers Tomcat gives itself, to a request it refuses before any servlet sees it (an encoded '/' in the
 * path, a request line or headers over the limit): an OperationOutcome with the security headers, in place of
 * Tomcat's HTML error page; to a request for the pages whose address could be read, a plain problem page. Ordered
 * after Spring Boot's customizer, whose plain error report valve it replaces.
 */
final class ContainerErrorAnswers implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {
  private final String contentSecurityPolicy;
  private final boolean pages;

  ContainerErrorAnswers(String contentSecurityPolicy, boolean pages) {
    this.contentSecurityPolicy = contentSecurityPolicy;
    this.pages = pages;
  }

  @Override
  public void customize(ConfigurableTomcatWebServerFactory factory) {
    factory.addContextCustomizers(context -> {
      var host = context.getParent().getPipeline();
      for (Valve valve : host.getValves()) {
        if (valve instanceof ErrorReportValve) {
          host.removeValve(valve);
        }
      }
      host.addValve(new OutcomeValve(contentSecurityPolicy, pages));
      // The host adds a valve of this class when it starts unless it finds one: it finds ours.
      if (context.getParent() instanceof StandardHost standard) {
        standard.setErrorReportValveClass(OutcomeValve.class.getName());
      }
    });
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }

  /** Reports an error status that nothing has answered yet, as Tomcat's own valve would, but in FHIR JSON. */
  static final class OutcomeValve extends ErrorReportValve {
    private final String contentSecurityPolicy;
    private final boolean pages;

    OutcomeValve(String contentSecurityPolicy, boolean pages) {
      this.contentSecurityPolicy = contentSecurityPolicy;
      this.pages = pages;
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
      int status = response.getStatus();
      if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
        return;
      }
      AtomicBoolean ioAllowed = new AtomicBoolean(true);
      response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
      if (!ioAllowed.get()) {
        return;
      }
      HttpStatus known = HttpStatus.resolve(status);
      String uri = request.getRequestURI();
      if (pages && uri != null && uri.startsWith("/ui/")) {
        // A page request (the address could be read): the plain problem page, for a person in a browser.
        write(response, "text/html;charset=UTF-8", ProblemPages.plain(status, ProblemPages.title(status),
            status == 400 ? "the address or its headers could not be read (too long, or not allowed)"
                : known == null ? "the request failed" : known.getReasonPhrase()));
        return;
      }
      write(response, OutcomeAnswers.FHIR_JSON.toString(), OutcomeAnswers.json(OutcomeAnswers.outcome(
          OutcomeAnswers.issueType(status), known == null ? "the request failed" : known.getReasonPhrase())));
    }

    private void write(Response response, String contentType, String body) {
      try {
        response.setContentType(contentType);
        SecurityHeadersFilter.apply(response, contentSecurityPolicy);
        Writer writer = response.getReporter();
        if (writer != null) {
          writer.write(body);
          response.finishResponse();
        }
      } catch (IOException | IllegalStateException clientGoneOrResponseClosed) {
        // As Tomcat's own valve: the connection is closing after this answer; there is no one left to tell.
      }
    }
  }
}
