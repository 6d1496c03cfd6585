package io.pathtrack.notify.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.pathtrack.contract.Priority;
import io.pathtrack.guard.security.AccessControlAutoConfiguration;
import io.pathtrack.notify.ChannelProperties;
import io.pathtrack.notify.delivery.TestNotifications;
import io.pathtrack.notify.directory.PractitionerDirectory;
import io.pathtrack.notify.domain.Notification;
import io.pathtrack.notify.domain.NotificationState;
import io.pathtrack.testsupport.Http;
import io.pathtrack.testsupport.TestCallers;
import io.pathtrack.testsupport.TestIdentity;
import io.pathtrack.testsupport.TestKafka;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The inbox over real HTTP: Spring MVC on Tomcat, the log, the list and the live stream; nothing else. */
class InboxStreamTest {
  private static ConfigurableApplicationContext context;
  private static NotificationLog log;
  private static String base;

  @Configuration(proxyBeanMethods = false)
  @ImportAutoConfiguration({PropertyPlaceholderAutoConfiguration.class, ConfigurationPropertiesAutoConfiguration.class,
      TomcatServletWebServerAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
      WebMvcAutoConfiguration.class, JacksonAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class,
      AccessControlAutoConfiguration.class, SecurityAutoConfiguration.class, SecurityFilterAutoConfiguration.class})
  @EnableConfigurationProperties(ChannelProperties.class)
  @Import({NotificationLog.class, NotificationController.class, InboxStream.class, NotificationAccess.class})
  static class Inbox {
    @Bean
    PractitionerDirectory directory() {
      return PractitionerDirectory.read(InboxStreamTest.class.getResourceAsStream("/practitioner-directory.json"), ZoneOffset.UTC);
    }
  }

  @BeforeAll
  static void start() {
    // Real tokens from the real authorization server: the lab manager's, who sees every notification.
    List<String> security = TestCallers.serviceArguments();
    context = new SpringApplicationBuilder(Inbox.class)
        .properties("server.port=0", "server.address=127.0.0.1", "spring.main.banner-mode=off",
            "spring.config.name=inbox-stream-test", "server.shutdown=immediate",
            "spring.kafka.bootstrap-servers=" + TestKafka.bootstrapServers())
        .run(security.toArray(String[]::new));
    log = context.getBean(NotificationLog.class);
    int port = ((WebServerApplicationContext) context).getWebServer().getPort();
    base = "http://127.0.0.1:" + port;
  }

  @AfterAll
  static void stop() {
    if (context != null) {
      context.close();
    }
  }

  @Test
  void subscribedClientReceivesEachChangeToItsRecipientsNotificationsAndNoOneElses() throws Exception {
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    HttpResponse<Stream<String>> stream = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(base + "/notifications/stream?recipient="
                + URLEncoder.encode(TestNotifications.RECIPIENT, StandardCharsets.UTF_8)))
            .header("Accept", "text/event-stream")
            .header("Authorization", "Bearer " + TestIdentity.shared().userToken("lab-manager")).GET().build(),
        HttpResponse.BodyHandlers.ofLines());
    assertThat(stream.statusCode()).isEqualTo(200);
    assertThat(stream.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
    Thread reader = new Thread(() -> {
      try {
        stream.body().forEach(lines::add);
      } catch (UncheckedIOException hungUp) {
        // the test closed the stream
      }
    }, "sse-reader");
    reader.setDaemon(true);
    reader.start();
    try {
      assertThat(nextLineStartingWith(lines, "event:")).isEqualTo("event:subscribed");

      Notification other = TestNotifications.notification("Practitioner/dr-novak", Priority.HIGH, NotificationState.CREATED);
      Notification mine = TestNotifications.urgentMalignant();
      log.apply(other);
      log.apply(mine);
      log.apply(mine); // a redelivered event is not a change
      log.apply(mine.sent(TestNotifications.CREATED.plusSeconds(5)));

      assertThat(nextLineStartingWith(lines, "event:")).isEqualTo("event:notification");
      JsonNode created = JsonMapper.builder().build().readTree(nextLineStartingWith(lines, "data:").substring(5));
      assertThat(created.get("id").asString()).isEqualTo(mine.id());
      assertThat(created.get("state").asString()).isEqualTo("created");
      assertThat(created.get("recipient").asString()).isEqualTo(TestNotifications.RECIPIENT);

      assertThat(nextLineStartingWith(lines, "event:")).isEqualTo("event:notification");
      JsonNode sent = JsonMapper.builder().build().readTree(nextLineStartingWith(lines, "data:").substring(5));
      assertThat(sent.get("id").asString()).isEqualTo(mine.id());
      assertThat(sent.get("state").asString()).isEqualTo("sent");

      Thread.sleep(500);
      assertThat(lines).as("nothing more: not the other recipient's, not the duplicate")
          .noneMatch(l -> l.startsWith("event:") || l.startsWith("data:"));
    } finally {
      stream.body().close(); // hangs up: the server's next send fails and ends the subscription
    }
  }

  @Test
  void inboxIsFilteredByRecipientPriorityAndState() throws Exception {
    String recipient = "Practitioner/filter-" + System.nanoTime();
    Notification failedUrgent = TestNotifications.notification(recipient, Priority.URGENT, NotificationState.FAILED);
    Notification sentUrgent = TestNotifications.notification(recipient, Priority.URGENT, NotificationState.SENT);
    Notification failedRoutine = TestNotifications.notification(recipient, Priority.ROUTINE, NotificationState.FAILED);
    List.of(failedUrgent, sentUrgent, failedRoutine).forEach(log::apply);

    assertThat(ids("recipient=" + enc(recipient) + "&state=failed"))
        .containsExactlyInAnyOrder(failedUrgent.id(), failedRoutine.id());
    assertThat(ids("recipient=" + enc(recipient) + "&state=FAILED&priority=urgent")).containsExactly(failedUrgent.id());
    assertThat(ids("recipient=" + enc(recipient) + "&state=sent")).containsExactly(sentUrgent.id());
    assertThat(ids("recipient=" + enc(recipient))).hasSize(3);
  }

  private static List<String> ids(String query) {
    Http.Response response = Http.get(base + "/notifications?" + query, "application/json");
    assertThat(response.status()).isEqualTo(200);
    JsonNode list = JsonMapper.builder().build().readTree(response.body());
    return list.valueStream().map(n -> n.get("id").asString()).toList();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static String nextLineStartingWith(BlockingQueue<String> lines, String prefix) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < deadline) {
      String line = lines.poll(100, TimeUnit.MILLISECONDS);
      if (line != null && line.startsWith(prefix)) {
        return line;
      }
    }
    throw new AssertionError("no line starting with " + prefix + " within 10 s");
  }
}
