package dev.strangler.proxy.blocking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.channel.EventLoopGroup;
import java.net.InetAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.blockhound.BlockingOperationError;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.resources.LoopResources;

/** The guard proves itself: deliberate blocking calls on non-blocking threads are caught. */
class BlockingGuardTest {

  private final LoopResources loops = LoopResources.create("guard-test", 1, true);

  @AfterEach
  void stopLoops() {
    loops.disposeLater().block();
  }

  @Test
  void reportsASleepOnANettyEventLoop() throws Exception {
    Throwable thrown = onEventLoop(() -> Thread.sleep(1));

    assertThat(thrown).isInstanceOf(BlockingOperationError.class);
    assertThat(BlockingCalls.drain())
        .singleElement()
        .satisfies(call -> assertThat(call).contains("java.lang.Thread.sleep", "guard-test"));
  }

  @Test
  void reportsANameLookupOnANettyEventLoop() throws Exception {
    String name = "blocking-guard-" + System.nanoTime() + ".invalid";

    Throwable thrown = onEventLoop(() -> InetAddress.getByName(name));

    assertThat(thrown).isInstanceOf(BlockingOperationError.class);
    assertThat(BlockingCalls.drain())
        .singleElement()
        .satisfies(call -> assertThat(call).contains("lookupAllHostAddr"));
  }

  @Test
  void letsALiteralThroughOnANettyEventLoop() throws Exception {
    assertThat(onEventLoop(() -> InetAddress.getByName("127.0.0.1"))).isNull();
    assertThat(BlockingCalls.drain()).isEmpty();
  }

  @Test
  void reportsASleepOnReactorsParallelScheduler() {
    Mono<Void> sleeping =
        Mono.<Void>fromRunnable(BlockingGuardTest::sleepBriefly).subscribeOn(Schedulers.parallel());

    assertThatThrownBy(sleeping::block).hasCauseInstanceOf(BlockingOperationError.class);
    assertThat(BlockingCalls.drain()).singleElement().asString().contains("parallel");
  }

  @Test
  void failsTheTestInWhichABlockingCallWasReported() throws Exception {
    onEventLoop(() -> Thread.sleep(1));

    assertThatThrownBy(() -> new NoBlockingCallsExtension().afterEach(null))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("1 blocking call(s) on non-blocking threads")
        .hasMessageContaining("java.lang.Thread.sleep");
    assertThat(BlockingCalls.drain()).as("reported once").isEmpty();
  }

  @Test
  void leavesOrdinaryThreadsAlone() throws Exception {
    Thread.sleep(1);
    assertThat(BlockingCalls.drain()).isEmpty();
  }

  private interface Blocking {
    void run() throws Exception;
  }

  /** Runs {@code task} on an event loop; answers what it threw, or null. */
  private Throwable onEventLoop(Blocking task) throws Exception {
    EventLoopGroup group = loops.onServer(false);
    CompletableFuture<Throwable> outcome = new CompletableFuture<>();
    group
        .next()
        .execute(
            () -> {
              try {
                task.run();
                outcome.complete(null);
              } catch (Throwable t) {
                outcome.complete(t);
              }
            });
    return outcome.get(10, TimeUnit.SECONDS);
  }

  private static void sleepBriefly() {
    try {
      Thread.sleep(1);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
