package io.pathtrack.notify.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.pathtrack.notify.domain.Notification;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

class EmailChannelTest {
  @RegisterExtension
  static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  private EmailChannel channel;

  @BeforeEach
  void connect() {
    JavaMailSenderImpl sender = new JavaMailSenderImpl();
    sender.setHost("127.0.0.1");
    sender.setPort(smtp.getSmtp().getPort());
    channel = new EmailChannel(sender, "pathology-alerts@pathtrack.local", URI.create("https://pathtrack.example/"));
  }

  @Test
  void resendOfTheSameNotificationCarriesTheSameMessageIdDerivedFromItsIdAndChannel() throws Exception {
    Notification n = TestNotifications.urgentMalignant();

    channel.send(n, "ana.lee@hospital.example");
    channel.send(n, "ana.lee@hospital.example");
    channel.send(TestNotifications.urgentMalignant(), "ana.lee@hospital.example");

    MimeMessage[] received = smtp.getReceivedMessages();
    assertThat(received).hasSize(3);
    assertThat(received[0].getMessageID()).isEqualTo("<" + n.id() + ".email@pathtrack.local>");
    assertThat(received[1].getMessageID()).isEqualTo(received[0].getMessageID());
    assertThat(received[2].getMessageID()).isNotEqualTo(received[0].getMessageID());
  }

  @Test
  void emailCarriesPriorityReferenceAndLinkButNoDiagnosisPatientOrAccession() throws Exception {
    Notification n = TestNotifications.urgentMalignant();

    channel.send(n, "ana.lee@hospital.example");

    MimeMessage email = smtp.getReceivedMessages()[0];
    String whole = GreenMailUtil.getWholeMessage(email);
    assertThat(email.getSubject()).startsWith("[URGENT]").contains(n.id().substring(0, 8));
    assertThat(GreenMailUtil.getBody(email))
        .contains("Reference: " + n.id())
        .contains("https://pathtrack.example/ui/notifications/" + n.id());
    for (String word : TestNotifications.phi()) {
      assertThat(whole).doesNotContainIgnoringCase(word);
    }
  }

  @Test
  void aBurstArrivesWholeAndAKeptConnectionTheServerDroppedIsReplacedWithoutLosingTheMessage() throws Exception {
    int port;
    try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
      port = free.getLocalPort();
    }
    ServerSetup setup = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
    GreenMail server = new GreenMail(setup);
    server.start();
    JavaMailSenderImpl sender = new JavaMailSenderImpl();
    sender.setHost("127.0.0.1");
    sender.setPort(port);
    try (EmailChannel kept = new EmailChannel(sender, "pathology-alerts@pathtrack.local", URI.create("https://pathtrack.example/"))) {
      for (int i = 0; i < 25; i++) {
        kept.send(TestNotifications.urgentMalignant(), "ana.lee@hospital.example");
      }
      assertThat(server.getReceivedMessages()).hasSize(25);

      server.stop();
      server = new GreenMail(setup);
      server.start();
      Notification after = TestNotifications.urgentMalignant();
      kept.send(after, "ana.lee@hospital.example");
      assertThat(server.getReceivedMessages()).singleElement()
          .satisfies(m -> assertThat(m.getMessageID()).isEqualTo("<" + after.id() + ".email@pathtrack.local>"));

      server.stop();
      assertThatThrownBy(() -> kept.send(TestNotifications.urgentMalignant(), "ana.lee@hospital.example"))
          .as("no server: the failure is reported, for the dispatcher to record and retry")
          .isInstanceOf(MailSendException.class);
    } finally {
      server.stop();
    }
  }

  @Test
  void parallelSendersEachTakeAConnectionOfTheirOwnAndEveryMessageArrivesOnce() throws Exception {
    JavaMailSenderImpl sender = new JavaMailSenderImpl();
    sender.setHost("127.0.0.1");
    sender.setPort(smtp.getSmtp().getPort());
    Set<String> sent = ConcurrentHashMap.newKeySet();
    try (EmailChannel pooled = new EmailChannel(sender, "pathology-alerts@pathtrack.local", URI.create("https://pathtrack.example/"), 4)) {
      ExecutorService senders = Executors.newFixedThreadPool(6);
      try {
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
          done.add(senders.submit(() -> {
            Notification n = TestNotifications.urgentMalignant();
            pooled.send(n, "ana.lee@hospital.example");
            sent.add("<" + n.id() + ".email@pathtrack.local>");
          }));
        }
        for (Future<?> f : done) {
          f.get(30, TimeUnit.SECONDS);
        }
      } finally {
        senders.shutdownNow();
      }
    }
    assertThat(Arrays.stream(smtp.getReceivedMessages()).map(m -> {
      try {
        return m.getMessageID();
      } catch (MessagingException e) {
        throw new IllegalStateException(e);
      }
    })).hasSize(60).containsExactlyInAnyOrderElementsOf(sent);
  }

  @Test
  void aChannelWithoutConnectionsIsRefused() {
    assertThatThrownBy(() -> new EmailChannel(new JavaMailSenderImpl(), "a@b", URI.create("https://pathtrack.example/"), 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one SMTP connection");
  }

  /** A channel sending to 127.0.0.1:port, with short timeouts. */
  private static EmailChannel channelTo(int port) {
    JavaMailSenderImpl sender = new JavaMailSenderImpl();
    sender.setHost("127.0.0.1");
    sender.setPort(port);
    java.util.Properties p = new java.util.Properties();
    p.put("mail.smtp.connectiontimeout", "1000");
    p.put("mail.smtp.timeout", "1000");
    sender.setJavaMailProperties(p);
    return new EmailChannel(sender, "pathology-alerts@pathtrack.local", URI.create("https://pathtrack.example/"));
  }

  /** What a send to a server that behaves this way throws. */
  private static RuntimeException failureFrom(java.util.function.Consumer<java.net.ServerSocket> server) throws Exception {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 5, java.net.InetAddress.getLoopbackAddress())) {
      Thread serving = new Thread(() -> server.accept(socket));
      serving.setDaemon(true);
      serving.start();
      try {
        channelTo(socket.getLocalPort()).send(TestNotifications.urgentMalignant(), "ana.lee@hospital.example");
      } catch (RuntimeException e) {
        return e;
      }
    }
    throw new AssertionError("the send did not fail");
  }

  private static void answer(java.net.ServerSocket socket, String... lines) {
    try (java.net.Socket client = socket.accept();
        var in = new java.io.BufferedReader(new java.io.InputStreamReader(client.getInputStream(), java.nio.charset.StandardCharsets.US_ASCII));
        var out = client.getOutputStream()) {
      for (String line : lines) {
        if (line.startsWith("<")) {
          in.readLine();
        } else {
          out.write((line + "\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
          out.flush();
        }
      }
      Thread.sleep(500);
    } catch (java.io.IOException | InterruptedException e) {
      // the client went away
    }
  }

  @Test
  void aMailServerThatIsGoneHungOrBusyIsWaitedOutNotAFailureOfTheEmail() throws Exception {
    int closed;
    try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
      closed = probe.getLocalPort();
    }
    RuntimeException refused = org.assertj.core.api.Assertions.catchRuntimeException(
        () -> channelTo(closed).send(TestNotifications.urgentMalignant(), "ana.lee@hospital.example"));
    assertThat(EmailChannel.serverUnavailable(refused)).as("connection refused").isTrue();
    assertThat(EmailChannel.serverUnavailable(failureFrom(s -> answer(s, "<", "<")))).as("no answer").isTrue();
    assertThat(EmailChannel.serverUnavailable(failureFrom(s -> answer(s, "421 4.3.2 Service not available"))))
        .as("421 greeting").isTrue();
    assertThat(EmailChannel.serverUnavailable(failureFrom(s -> answer(s, "220 relay ESMTP", "<", "250 relay", "<",
        "250 ok", "<", "451 4.3.0 Try again later")))).as("451 to the recipient").isTrue();
    assertThat(EmailChannel.serverUnavailable(failureFrom(s -> answer(s, "220 relay ESMTP", "<", "250 relay", "<",
        "250 ok", "<", "250 ok", "<")))).as("the connection dropped before the message was taken").isTrue();
  }

  @Test
  void aRecipientOrMessageRefusedForGoodIsAFailureOfTheEmail() throws Exception {
    assertThat(EmailChannel.serverUnavailable(failureFrom(s -> answer(s, "220 relay ESMTP", "<", "250 relay", "<",
        "250 ok", "<", "550 5.1.1 No such user")))).as("550 to the recipient").isFalse();
    assertThat(EmailChannel.serverUnavailable(new org.springframework.mail.MailPreparationException("bad address")))
        .as("a message that could not be prepared").isFalse();
    assertThat(EmailChannel.serverUnavailable(new IllegalStateException("no email address"))).isFalse();
  }
}
