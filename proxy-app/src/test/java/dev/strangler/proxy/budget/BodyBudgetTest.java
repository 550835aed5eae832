package dev.strangler.proxy.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.NettyDataBuffer;
import org.springframework.core.io.buffer.NettyDataBufferFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class BodyBudgetTest {

  private final NettyDataBufferFactory buffers =
      new NettyDataBufferFactory(new UnpooledByteBufAllocator(false));

  @ParameterizedTest(name = "limit {0}, holding {1}: {2} more fit = {3}")
  @CsvSource({
    "100, 0, 100, true",
    "100, 0, 101, false",
    "100, 60, 40, true",
    "100, 60, 41, false",
    "100, 100, 0, true",
    "100, 100, 1, false",
  })
  void reservesOnlyWhatFits(long limit, long held, long more, boolean fits) {
    BodyBudget budget = new BodyBudget(limit);
    assertThat(budget.tryReserve(held)).isTrue();

    assertThat(budget.tryReserve(more)).isEqualTo(fits);
    assertThat(budget.inUse()).isEqualTo(fits ? held + more : held);
    assertThat(budget.refusals()).isEqualTo(fits ? 0 : 1);
  }

  @Test
  void tracksThePeakAndRefusesBadAmounts() {
    BodyBudget budget = new BodyBudget(10);
    budget.tryReserve(7);
    budget.release(5);
    budget.tryReserve(3);

    assertThat(budget.peak()).isEqualTo(7);
    assertThat(budget.inUse()).isEqualTo(5);
    assertThatThrownBy(() -> budget.release(6)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> budget.tryReserve(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new BodyBudget(0))
        .hasMessage("limit must be at least 1 byte, but was 0");
  }

  @Test
  void theDefaultIsAQuarterOfTheHeap() {
    assertThat(BodyBudget.defaultLimit(256L << 20)).isEqualTo(64L << 20);
  }

  @Test
  void aHoldGivesBackEverythingExactlyOnceAndGrowsNoMoreWhenClosed() {
    BodyBudget budget = new BodyBudget(100);
    BodyBudget.Hold hold = budget.hold();
    assertThat(hold.tryGrow(30)).isTrue();
    assertThat(hold.tryGrow(50)).isTrue();
    hold.release(20);
    assertThat(budget.inUse()).isEqualTo(60);

    hold.close();
    hold.close();
    hold.release(10);

    assertThat(budget.inUse()).isZero();
    assertThat(hold.tryGrow(1)).isFalse();
    assertThat(budget.inUse()).isZero();
    assertThatThrownBy(() -> budget.hold().release(1)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void concurrentHoldsNeverExceedTheLimitAndLeaveNothingBehind() throws Exception {
    BodyBudget budget = new BodyBudget(1_000);
    int threads = 8;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        done.add(
            pool.submit(
                () -> {
                  start.await();
                  for (int i = 0; i < 20_000; i++) {
                    BodyBudget.Hold hold = budget.hold();
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    if (hold.tryGrow(random.nextInt(1, 200)) && random.nextBoolean()) {
                      hold.release(1);
                    }
                    hold.tryGrow(random.nextInt(1, 50));
                    hold.close();
                  }
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> each : done) {
        each.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(budget.inUse()).isZero();
    assertThat(budget.peak()).isPositive().isLessThanOrEqualTo(1_000);
  }

  @Test
  void aGrowthRacingTheCloseIsNeverLost() throws Exception {
    BodyBudget budget = new BodyBudget(Long.MAX_VALUE);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int i = 0; i < 5_000; i++) {
        BodyBudget.Hold hold = budget.hold();
        CountDownLatch go = new CountDownLatch(1);
        Future<?> grow =
            pool.submit(
                () -> {
                  go.await();
                  hold.tryGrow(7);
                  return null;
                });
        Future<?> close =
            pool.submit(
                () -> {
                  go.await();
                  hold.close();
                  return null;
                });
        go.countDown();
        grow.get(10, TimeUnit.SECONDS);
        close.get(10, TimeUnit.SECONDS);
        hold.close();
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(budget.inUse()).isZero();
  }

  @Test
  void aDeclaredBodyIsCopiedOnceIntoItsFinalArrayAndItsBuffersReleased() {
    BodyBudget budget = new BodyBudget(100);
    BodyBudget.Hold hold = budget.hold();
    List<DataBuffer> sent = List.of(buffer("hello "), buffer("world"));

    StepVerifier.create(BufferedBody.read(Flux.fromIterable(sent), 11, 100, hold))
        .assertNext(body -> assertThat(new String(body)).isEqualTo("hello world"))
        .verifyComplete();

    assertThat(sent).allSatisfy(buffer -> assertThat(refCount(buffer)).isZero());
  }

  @Test
  void anUndeclaredBodyIsReservedAsItArrivesAndRefusedWhenItDoesNotFit() {
    BodyBudget budget = new BodyBudget(10);
    BodyBudget.Hold hold = budget.hold();
    List<DataBuffer> sent = List.of(buffer("12345"), buffer("67890"), buffer("x"));

    StepVerifier.create(BufferedBody.read(Flux.fromIterable(sent), -1, 100, hold))
        .verifyError(BufferedBody.BudgetExceeded.class);
    hold.close();

    assertThat(budget.inUse()).isZero();
    assertThat(budget.refusals()).isEqualTo(1);
    assertThat(sent).allSatisfy(buffer -> assertThat(refCount(buffer)).isZero());
  }

  @Test
  void anUndeclaredBodyIsJoinedOnceItIsComplete() {
    BodyBudget budget = new BodyBudget(100);
    BodyBudget.Hold hold = budget.hold();

    StepVerifier.create(BufferedBody.read(Flux.just(buffer("ab"), buffer("cd")), -1, 100, hold))
        .assertNext(body -> assertThat(new String(body)).isEqualTo("abcd"))
        .verifyComplete();

    assertThat(hold.held()).as("the joined body only").isEqualTo(4);
    StepVerifier.create(BufferedBody.read(Flux.just(buffer("abc")), -1, 2, budget.hold()))
        .verifyError(DataBufferLimitException.class);
  }

  @Test
  void aClientThatGoesAwayMidBodyLeavesNothingHeld() {
    BodyBudget budget = new BodyBudget(100);
    DataBuffer first = buffer("12345");
    // As the routing filter holds it: the hold lives as long as the request, and no longer.
    Mono<byte[]> request =
        Mono.usingWhen(
            Mono.fromSupplier(budget::hold),
            hold -> BufferedBody.read(Flux.concat(Flux.just(first), Flux.never()), -1, 100, hold),
            hold -> Mono.fromRunnable(hold::close),
            (hold, error) -> Mono.fromRunnable(hold::close),
            hold -> Mono.fromRunnable(hold::close));

    StepVerifier.create(request)
        .expectSubscription()
        .then(() -> assertThat(budget.inUse()).isEqualTo(5))
        .thenCancel()
        .verify(Duration.ofSeconds(5));

    assertThat(budget.inUse()).isZero();
    assertThat(refCount(first)).isZero();
  }

  private DataBuffer buffer(String text) {
    return buffers.wrap(text.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
  }

  private static int refCount(DataBuffer buffer) {
    ByteBuf netty = ((NettyDataBuffer) buffer).getNativeBuffer();
    return netty.refCnt();
  }
}
