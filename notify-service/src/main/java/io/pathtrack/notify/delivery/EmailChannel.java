package io.pathtrack.notify.delivery;

import io.pathtrack.notify.NotifyProperties;
import io.pathtrack.notify.routing.Notification;
import java.util.Locale;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Email over SMTP. The message carries the priority, a reference and a link, and nothing else: no
 * diagnosis, no patient name (DESIGN §6), because email leaves the system's control.
 */
@Component
public class EmailChannel {
  private final JavaMailSender mail;
  private final NotifyProperties properties;

  public EmailChannel(JavaMailSender mail, NotifyProperties properties) {
    this.mail = mail;
    this.properties = properties;
  }

  public void send(Notification n, String address) {
    SimpleMailMessage message = new SimpleMailMessage();
    message.setFrom(properties.mailFrom());
    message.setTo(address);
    message.setSubject(subject(n));
    message.setText(body(n));
    mail.send(message);
  }

  static String subject(Notification n) {
    return "[" + n.priority().code().toUpperCase(Locale.ROOT) + "] Pathology result ready - ref " + shortRef(n);
  }

  String body(Notification n) {
    String link = properties.linkBase().toString().replaceAll("/+$", "") + "/notifications/" + n.id();
    return String.join("\n",
        "A pathology result is ready for you.",
        "",
        "Priority:  " + n.priority().code().toUpperCase(Locale.ROOT),
        "Reference: " + n.id(),
        "Open it:   " + link,
        "",
        "This message holds no clinical details by design. Sign in to read the result.");
  }

  private static String shortRef(Notification n) {
    return n.id().substring(0, 8);
  }
}
