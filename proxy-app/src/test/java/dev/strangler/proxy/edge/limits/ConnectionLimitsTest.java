package dev.strangler.proxy.edge.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strangler.proxy.edge.limits.ConnectionLimits.Admission;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ConnectionLimitsTest {

  private static final InetAddress ALICE = address("192.0.2.1");
  private static final InetAddress BOB = address("192.0.2.2");
  private static final InetAddress BALANCER = address("10.0.0.1");

  @Test
  void oneClientIsCappedWhileAnotherIsStillAdmitted() {
    ConnectionLimits limits = new ConnectionLimits(10, 2, address -> false);

    assertThat(limits.tryAdmit(ALICE)).isEqualTo(Admission.ADMITTED);
    assertThat(limits.tryAdmit(ALICE)).isEqualTo(Admission.ADMITTED);
    assertThat(limits.tryAdmit(ALICE)).isEqualTo(Admission.OVER_PER_CLIENT);
    assertThat(limits.tryAdmit(BOB)).isEqualTo(Admission.ADMITTED);

    assertThat(limits.open()).isEqualTo(3);
    assertThat(limits.openFrom(ALICE)).isEqualTo(2);
  }

  @Test
  void theTotalCapRefusesEveryone() {
    ConnectionLimits limits = new ConnectionLimits(2, 2, address -> false);
    limits.tryAdmit(ALICE);
    limits.tryAdmit(BOB);

    assertThat(limits.tryAdmit(address("192.0.2.3"))).isEqualTo(Admission.OVER_TOTAL);
    assertThat(limits.open()).isEqualTo(2);
  }

  @Test
  void aReleasedSlotIsFreeAgainAndAGoneClientLeavesNoEntry() {
    ConnectionLimits limits = new ConnectionLimits(2, 1, address -> false);
    limits.tryAdmit(ALICE);
    assertThat(limits.tryAdmit(ALICE)).isEqualTo(Admission.OVER_PER_CLIENT);

    limits.release(ALICE);

    assertThat(limits.openFrom(ALICE)).isZero();
    assertThat(limits.open()).isZero();
    assertThat(limits.tryAdmit(ALICE)).isEqualTo(Admission.ADMITTED);
  }

  @Test
  void aTrustedBalancerHasNoPerClientCapButCountsInTheTotal() {
    ConnectionLimits limits = new ConnectionLimits(5, 1, BALANCER::equals);

    for (int i = 0; i < 5; i++) {
      assertThat(limits.tryAdmit(BALANCER)).isEqualTo(Admission.ADMITTED);
    }
    assertThat(limits.tryAdmit(BALANCER)).isEqualTo(Admission.OVER_TOTAL);
    limits.release(BALANCER);
    assertThat(limits.open()).isEqualTo(4);
  }

  @Test
  void countsStayExactUnderConcurrentOpensAndCloses() throws Exception {
    ConnectionLimits limits = new ConnectionLimits(1_000, 50, address -> false);
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        done.add(
            threads.submit(
                () -> {
                  for (int i = 0; i < 20_000; i++) {
                    InetAddress client = i % 2 == 0 ? ALICE : BOB;
                    if (limits.tryAdmit(client) == Admission.ADMITTED) {
                      limits.release(client);
                    }
                  }
                }));
      }
      for (Future<?> future : done) {
        future.get(30, TimeUnit.SECONDS);
      }
    } finally {
      threads.shutdownNow();
    }

    assertThat(limits.open()).isZero();
    assertThat(limits.openFrom(ALICE)).isZero();
    assertThat(limits.openFrom(BOB)).isZero();
  }

  @Test
  void capsBelowOneAreRejected() {
    assertThatThrownBy(() -> new ConnectionLimits(0, 1, address -> false))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static InetAddress address(String literal) {
    try {
      return InetAddress.getByName(literal); // numbers only: no lookup
    } catch (java.net.UnknownHostException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
