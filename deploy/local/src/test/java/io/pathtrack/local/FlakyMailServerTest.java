package io.pathtrack.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** The fault test's mail server counts what every server it was received, across its outages. */
class FlakyMailServerTest {

  @Test
  void emailsReceivedBeforeAndAfterAnOutageAreAllCounted() throws Exception {
    try (FlakyMailServer server = new FlakyMailServer()) {
      JavaMailSenderImpl sender = new JavaMailSenderImpl();
      sender.setHost("127.0.0.1");
      sender.setPort(server.port());
      Properties timeouts = new Properties();
      timeouts.put("mail.smtp.connectiontimeout", "1000");
      timeouts.put("mail.smtp.timeout", "1000");
      sender.setJavaMailProperties(timeouts);
      send(sender, "<one@test>");
      send(sender, "<two@test>");
      Thread outage = new Thread(() -> server.outage(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(1)));
      outage.start();
      Thread.sleep(300);
      assertThatThrownBy(() -> send(sender, "<refused@test>")).isInstanceOf(MailException.class);
      Thread.sleep(1200);
      assertThatThrownBy(() -> send(sender, "<hung@test>")).isInstanceOf(MailException.class);
      outage.join();
      send(sender, "<three@test>");
      send(sender, "<two@test>");
      assertThat(server.messageIds()).containsOnlyKeys("<one@test>", "<two@test>", "<three@test>")
          .containsEntry("<two@test>", 2);
    }
  }

  private static void send(JavaMailSenderImpl sender, String messageId) throws Exception {
    var message = sender.createMimeMessage();
    message.setFrom("a@test");
    message.setRecipients(jakarta.mail.Message.RecipientType.TO, "b@test");
    message.setSubject("s");
    message.setText("t");
    message.saveChanges();
    message.setHeader("Message-ID", messageId);
    sender.send(message);
  }
}
