package io.pathtrack.notify.delivery;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Date;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * One SMTP connection kept open between messages, so that a burst of alerts does not pay a TCP connection and an SMTP
 * greeting each (one message at a time over new connections delivered about 20 a second). A connection idle for longer
 * than {@link #IDLE} is closed and opened again before use (servers drop idle clients). When a kept connection turns out
 * to be broken, the message is sent once more over a new one; a message the server refuses (its recipient, its content)
 * is not sent again. Settings (host, port, credentials, timeouts) are the sender's.
 */
final class SmtpConnection implements AutoCloseable {
  static final Duration IDLE = Duration.ofSeconds(20);

  private final JavaMailSenderImpl settings;
  private Transport transport;
  private long lastUsed;

  SmtpConnection(JavaMailSenderImpl settings) {
    this.settings = settings;
  }

  synchronized void send(MimeMessage message) throws MessagingException {
    if (message.getSentDate() == null) {
      message.setSentDate(new Date());
    }
    // saveChanges would replace a Message-ID set by the caller with a random one.
    String messageId = message.getMessageID();
    message.saveChanges();
    if (messageId != null) {
      message.setHeader("Message-ID", messageId);
    }
    Address[] recipients = message.getAllRecipients();
    boolean fresh = open();
    try {
      transport.sendMessage(message, recipients);
    } catch (SendFailedException refused) {
      close();
      // A kept connection the server dropped answers the next message with no reply at all ([EOF]): that is the
      // connection, not a refusal, so it is tried once more on a fresh one. A real refusal has a reply code or names
      // the addresses refused.
      if (fresh || !connectionLost(refused)) {
        throw refused;
      }
      sendOnFreshConnection(message, recipients);
    } catch (MessagingException | IllegalStateException broken) {
      close();
      if (fresh) {
        throw broken;
      }
      sendOnFreshConnection(message, recipients);
    }
    lastUsed = System.nanoTime();
  }

  /** The kept connection was lost: once more, on a new one. */
  private void sendOnFreshConnection(MimeMessage message, Address[] recipients) throws MessagingException {
    open();
    try {
      transport.sendMessage(message, recipients);
    } catch (MessagingException | IllegalStateException again) {
      close();
      throw again;
    }
  }

  static boolean connectionLost(SendFailedException failure) {
    boolean addressesRefused = failure.getInvalidAddresses() != null && failure.getInvalidAddresses().length > 0;
    return !addressesRefused && EmailChannel.replyCode(failure) < 0;
  }

  /** Connects when there is no connection or it has been idle too long; true when the connection is new. */
  private boolean open() throws MessagingException {
    if (transport != null && System.nanoTime() - lastUsed < IDLE.toNanos()) {
      return false;
    }
    close();
    Transport t = settings.getSession().getTransport(settings.getProtocol() == null ? "smtp" : settings.getProtocol());
    t.connect(settings.getHost(), settings.getPort(), settings.getUsername(), settings.getPassword());
    transport = t;
    lastUsed = System.nanoTime();
    return true;
  }

  @Override
  public synchronized void close() {
    if (transport != null) {
      try {
        transport.close();
      } catch (MessagingException e) {
        // the connection is being given up
      }
      transport = null;
    }
  }
}
