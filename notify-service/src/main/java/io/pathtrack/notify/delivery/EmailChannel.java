package io.pathtrack.notify.delivery;

import io.pathtrack.notify.domain.Notification;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Email over SMTP. The message carries the priority, a reference and a link, and nothing else: no
 * diagnosis, no patient name (docs/architecture.md §6), because email leaves the system's control.
 *
 * <p>The {@code Message-ID} is derived from the notification id and the channel (RFC 5322 §3.6.4 only asks
 * that it be unique per message, and one notification is one message), so a resend after a crash carries
 * the same id and mail systems that collapse duplicates by Message-ID show it once.
 *
 * <p>Messages go over kept-open SMTP connections, as many as there are email delivery lanes: a sender takes an idle
 * connection, sends, and gives it back, so parallel senders never share one.
 */
public class EmailChannel implements AutoCloseable {
  public static final String CHANNEL = "email";
  /** An SMTP reply code at the start of a server's answer. */
  private static final java.util.regex.Pattern REPLY = java.util.regex.Pattern.compile("\\s*([2-5][0-9][0-9])[ -]");

  private final JavaMailSender mail;
  private final String from;
  private final URI linkBase;
  /** The kept-open connections not in use, when the sender is Spring's SMTP sender (it is, unless a test gives another). */
  private final BlockingQueue<SmtpConnection> connections;

  public EmailChannel(JavaMailSender mail, String from, URI linkBase) {
    this(mail, from, linkBase, 1);
  }

  /** @param connections how many SMTP connections may be open at once (one a parallel sender) */
  public EmailChannel(JavaMailSender mail, String from, URI linkBase, int connections) {
    if (connections < 1) {
      throw new IllegalArgumentException("at least one SMTP connection, was " + connections);
    }
    this.mail = mail;
    this.from = from;
    this.linkBase = linkBase;
    if (mail instanceof JavaMailSenderImpl smtp) {
      this.connections = new ArrayBlockingQueue<>(connections);
      for (int i = 0; i < connections; i++) {
        this.connections.add(new SmtpConnection(smtp));
      }
    } else {
      this.connections = null;
    }
  }

  /** Sends the email; a failure is Spring's {@link org.springframework.mail.MailException}, not retried here. */
  public void send(Notification n, String address) {
    OutboundMessage content = OutboundMessage.of(n, linkBase);
    MimeMessage message = mail.createMimeMessage();
    try {
      MimeMessageHelper helper = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
      helper.setFrom(from);
      helper.setTo(address);
      helper.setSubject(content.subject());
      helper.setText(content.text());
      // JavaMailSenderImpl keeps a Message-ID set before sending instead of generating a random one.
      message.setHeader("Message-ID", messageId(n, from));
    } catch (MessagingException e) {
      throw new MailPreparationException("email for notification " + n.id() + " to " + address + ": " + e.getMessage(), e);
    }
    if (connections == null) {
      mail.send(message);
      return;
    }
    SmtpConnection connection = take();
    try {
      connection.send(message);
    } catch (MessagingException e) {
      // The server's answer may quote the address: it stays in the exception, for the audit trail only.
      throw new MailSendException("email for notification " + n.id() + " could not be sent: " + e.getMessage(), e);
    } finally {
      connections.add(connection);
    }
  }

  private SmtpConnection take() {
    try {
      return connections.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MailSendException("interrupted while waiting for an SMTP connection");
    }
  }

  @Override
  public void close() {
    if (connections != null) {
      connections.forEach(SmtpConnection::close);
    }
  }

  /**
   * Whether a failed send says the mail server is not taking mail now — no connection, no answer in time, a bad or
   * {@code 4xx} greeting, a {@code 4xx} reply, a connection lost, even in the middle of a message — rather than that this message or recipient is refused for
   * good (a {@code 5xx} reply to the recipient or the message, an address that does not parse). The first kind is waited
   * out: the email is sent when the server is back. A message that could not be prepared is final.
   */
  public static boolean serverUnavailable(RuntimeException failure) {
    if (!(failure instanceof MailSendException) || failure.getCause() == null) {
      return false;
    }
    Throwable cause = failure.getCause();
    if (cause instanceof jakarta.mail.SendFailedException refused) {
      int code = replyCode(refused);
      if (code >= 500 && code < 600) {
        return false;
      }
      // No reply code: the connection dropped in the middle (EOF) — unless it was the addresses that were refused.
      return (code >= 400 && code < 500)
          || refused.getInvalidAddresses() == null || refused.getInvalidAddresses().length == 0;
    }
    return cause instanceof MessagingException || cause instanceof IllegalStateException;
  }

  /** The SMTP reply code a refusal carries (its own message, or a nested one's), or -1. */
  static int replyCode(MessagingException refused) {
    for (Exception e = refused; e != null; e = e instanceof MessagingException m && m.getNextException() != e
        ? m.getNextException() : null) {
      java.util.regex.Matcher code = REPLY.matcher(String.valueOf(e.getMessage()));
      if (code.lookingAt()) {
        return Integer.parseInt(code.group(1));
      }
    }
    return -1;
  }

  /** {@code <notification-id.email@sender-domain>}: the same for every send of the same notification. */
  static String messageId(Notification n, String from) {
    String domain = from.substring(from.lastIndexOf('@') + 1).replaceAll("[<>\\s]", "");
    return "<" + n.id() + "." + CHANNEL + "@" + (domain.isEmpty() ? "pathtrack.local" : domain) + ">";
  }
}
