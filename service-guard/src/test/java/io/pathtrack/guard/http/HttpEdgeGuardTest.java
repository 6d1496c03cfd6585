package io.pathtrack.guard.http;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.RestfulServer;
import io.pathtrack.contract.Fhir;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The guard on its own over real HTTP: a Spring MVC controller and a HAPI server that fail in ways no
 * service does on purpose. Their answers carry a reference and nothing else; the log carries the same
 * reference and the exception's class, never its message.
 */
@ExtendWith(OutputCaptureExtension.class)
class HttpEdgeGuardTest {
  private static final String SECRET = "Jane-Q-Patient-1970";
  private static final Pattern REFERENCE = Pattern.compile("reference ([0-9a-f-]{36})");

  private static ConfigurableApplicationContext context;
  private static String base;

  @RestController
  static class Failing {
    @GetMapping("/boom")
    String boom() {
      throw new IllegalStateException("cannot serve " + SECRET);
    }

    @PostMapping("/echo")
    Map<String, Object> echo(@RequestBody Map<String, Object> body) {
      return body;
    }
  }

  public static class FailingPatients implements IResourceProvider {
    @Override
    public Class<? extends IBaseResource> getResourceType() {
      return Patient.class;
    }

    @Read
    public Patient read(@IdParam IdType id) {
      throw new IllegalArgumentException("no such patient " + SECRET);
    }
  }

  @Configuration(proxyBeanMethods = false)
  @ImportAutoConfiguration({PropertyPlaceholderAutoConfiguration.class, ConfigurationPropertiesAutoConfiguration.class,
      TomcatServletWebServerAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
      WebMvcAutoConfiguration.class, JacksonAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class,
      ErrorMvcAutoConfiguration.class, HttpEdgeAutoConfiguration.class})
  static class App {
    @Bean
    Failing failing() {
      return new Failing();
    }

    @Bean
    ServletRegistrationBean<RestfulServer> fhir() {
      RestfulServer server = new RestfulServer(Fhir.context());
      server.setResourceProviders(new FailingPatients());
      return new ServletRegistrationBean<>(server, "/fhir/*");
    }
  }

  @BeforeAll
  static void start() {
    context = new SpringApplicationBuilder(App.class)
        .properties("server.port=0", "server.address=127.0.0.1", "spring.main.banner-mode=off",
            "spring.config.name=http-edge-guard-test", "pathtrack.http.max-body-size=64KB",
            "pathtrack.http.content-security-policy=default-src 'self'")
        .run();
    base = "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
  }

  @AfterAll
  static void stop() {
    if (context != null) {
      context.close();
    }
  }

  @Test
  void unexpectedFailureOfAControllerIs500WithAReferenceThatIsAlsoInTheLog(CapturedOutput log) throws Exception {
    HttpResponse<String> r = get("/boom");

    assertThat(r.statusCode()).isEqualTo(500);
    assertThat(r.body()).doesNotContain(SECRET).doesNotContain("IllegalState").doesNotContain("java.");
    String reference = reference(r.body());
    assertThat(log.getOut() + log.getErr()).contains(reference).contains("IllegalStateException").doesNotContain(SECRET);
    assertThat(r.headers().firstValue("Content-Security-Policy")).hasValue("default-src 'self'");
  }

  @Test
  void unexpectedFailureOfAFhirProviderIs500WithAReferenceThatIsAlsoInTheLog(CapturedOutput log) throws Exception {
    HttpResponse<String> r = get("/fhir/Patient/p-1");

    assertThat(r.statusCode()).isEqualTo(500);
    OperationOutcome oo = Fhir.json().parseResource(OperationOutcome.class, r.body());
    assertThat(oo.getIssueFirstRep().getCode()).isEqualTo(OperationOutcome.IssueType.EXCEPTION);
    assertThat(r.body()).doesNotContain(SECRET).doesNotContain("IllegalArgument").doesNotContain("java.");
    String reference = reference(r.body());
    assertThat(log.getOut() + log.getErr()).contains(reference).contains("IllegalArgumentException").doesNotContain(SECRET);
    assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
  }

  @Test
  void theLimitIsConfigurable() throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/echo"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"v\":\"" + "x".repeat(70 * 1024) + "\"}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(413);
    assertThat(r.body()).contains("64 KB");
  }

  @Test
  void theErrorPageAskedForDirectlyIsNotAnEndpoint() throws Exception {
    assertThat(get("/error").statusCode()).isEqualTo(404);
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String reference(String body) {
    Matcher m = REFERENCE.matcher(body);
    assertThat(m.find()).as(body).isTrue();
    return m.group(1);
  }
}
