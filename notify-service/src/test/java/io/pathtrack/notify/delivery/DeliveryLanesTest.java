package io.pathtrack.notify.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pathtrack.notify.ChannelProperties;
import io.pathtrack.notify.domain.DeliveryChannel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DeliveryLanesTest {

  /** Two recipients whose keys fall in different lanes of a channel with {@code lanes} lanes. */
  private static String[] twoLanes(int lanes) {
    String first = "Practitioner/dr-0";
    for (int i = 1; ; i++) {
      String other = "Practitioner/dr-" + i;
      if (Math.floorMod(first.hashCode(), lanes) != Math.floorMod(other.hashCode(), lanes)) {
        return new String[] {first, other};
      }
    }
  }

  @Test
  void aRecipientsDeliveriesRunOneAtATimeInTheOrderGiven() {
    try (DeliveryLanes lanes = new DeliveryLanes(new ChannelProperties.Lanes(4, 4, 4))) {
      List<Integer> seen = Collections.synchronizedList(new ArrayList<>());
      int[] running = new int[1];
      List<CompletableFuture<Boolean>> done = IntStream.range(0, 200).mapToObj(i -> lanes.submit(DeliveryChannel.EMAIL,
          "Practitioner/dr-lee", () -> {
            boolean alone;
            synchronized (running) {
              alone = ++running[0] == 1;
            }
            seen.add(i);
            Thread.onSpinWait();
            synchronized (running) {
              running[0]--;
            }
            return alone;
          })).toList();

      assertThat(done.stream().map(CompletableFuture::join)).containsOnly(true);
      assertThat(seen).isEqualTo(IntStream.range(0, 200).boxed().toList());
    }
  }

  @Test
  void anotherRecipientIsDeliveredWhileOneRecipientsDeliveryIsHeldUp() throws Exception {
    try (DeliveryLanes lanes = new DeliveryLanes(new ChannelProperties.Lanes(1, 8, 1))) {
      String[] recipients = twoLanes(8);
      CountDownLatch otherDelivered = new CountDownLatch(1);
      // The first recipient's webhook hangs until the other recipient has been delivered: in one shared lane this
      // would wait for ever.
      CompletableFuture<Boolean> slow = lanes.submit(DeliveryChannel.WEBHOOK, recipients[0],
          () -> await(otherDelivered));
      CompletableFuture<String> fast = lanes.submit(DeliveryChannel.WEBHOOK, recipients[1], () -> {
        otherDelivered.countDown();
        return "sent";
      });

      assertThat(fast.get(5, TimeUnit.SECONDS)).isEqualTo("sent");
      assertThat(slow.get(5, TimeUnit.SECONDS)).isTrue();
    }
  }

  @Test
  void channelsHaveTheirOwnLanes() throws Exception {
    try (DeliveryLanes lanes = new DeliveryLanes(new ChannelProperties.Lanes(1, 1, 1))) {
      CountDownLatch emailSent = new CountDownLatch(1);
      // The same recipient on two channels: the webhook waits for the email, which runs on a lane of its own.
      CompletableFuture<Boolean> hook = lanes.submit(DeliveryChannel.WEBHOOK, "Practitioner/dr-lee", () -> await(emailSent));
      lanes.submit(DeliveryChannel.EMAIL, "Practitioner/dr-lee", () -> {
        emailSent.countDown();
        return null;
      }).get(5, TimeUnit.SECONDS);

      assertThat(hook.get(5, TimeUnit.SECONDS)).isTrue();
      assertThat(lanes.lanes(DeliveryChannel.EMAIL)).isEqualTo(1);
    }
  }

  @Test
  void aDeliveryThatThrowsFailsOnlyItsOwnResultAndTheLaneGoesOn() throws Exception {
    try (DeliveryLanes lanes = new DeliveryLanes(new ChannelProperties.Lanes(1, 1, 1))) {
      CompletableFuture<String> broken = lanes.submit(DeliveryChannel.FHIR, "Practitioner/dr-lee", () -> {
        throw new IllegalStateException("no EHR endpoint");
      });
      CompletableFuture<String> next = lanes.submit(DeliveryChannel.FHIR, "Practitioner/dr-lee", () -> "sent");

      assertThat(next.get(5, TimeUnit.SECONDS)).isEqualTo("sent");
      assertThat(broken).isCompletedExceptionally();
    }
  }

  @Test
  void closingEndsEveryDeliveryStillWaitingSoNobodyWaitsForEver() throws Exception {
    DeliveryLanes lanes = new DeliveryLanes(new ChannelProperties.Lanes(1, 1, 1));
    CountDownLatch release = new CountDownLatch(1);
    // Longer than closing waits for the lanes: it is still running when they are stopped.
    CompletableFuture<Boolean> running = lanes.submit(DeliveryChannel.EMAIL, "Practitioner/dr-lee", () -> {
      try {
        return release.await(60, TimeUnit.SECONDS);
      } catch (InterruptedException stopped) {
        Thread.currentThread().interrupt();
        return false;
      }
    });
    CompletableFuture<String> queued = lanes.submit(DeliveryChannel.EMAIL, "Practitioner/dr-lee", () -> "sent");

    lanes.close();

    assertThat(lanes.closing()).isTrue();
    assertThat(running).isDone();
    assertThat(queued).isCompletedExceptionally();
    assertThatThrownBy(queued::join).hasRootCauseInstanceOf(IllegalStateException.class)
        .hasMessageContaining("stopped before the delivery ended");
    assertThat(lanes.submit(DeliveryChannel.EMAIL, "Practitioner/dr-lee", () -> "late")).isCompletedExceptionally();
  }

  @Test
  void theInboxIsNotALaneChannel() {
    try (DeliveryLanes lanes = new DeliveryLanes(new ChannelProperties.Lanes(1, 1, 1))) {
      assertThatThrownBy(() -> lanes.submit(DeliveryChannel.INBOX, "Practitioner/dr-lee", () -> 1))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("inbox");
    }
  }

  @Test
  void aChannelWithoutLanesIsRefusedAtStartUp() {
    assertThatThrownBy(() -> new ChannelProperties.Lanes(4, 0, 4))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("webhook 0");
  }

  private static boolean await(CountDownLatch latch) {
    try {
      return latch.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
