package dev.strangler.proxy.lambda;

import dev.strangler.rules.model.Fallback.ThrottleRetry;
import dev.strangler.rules.model.LambdaTarget;
import java.time.Duration;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;
import reactor.core.publisher.Mono;

/**
 * Invokes a rule's function and tries again while Lambda throttles it, as the rule's {@code
 * throttleRetry} says, all within the rule's timeout: each attempt gets the time left, and a retry
 * whose wait would leave too little is not made. Throttling is the one failure retried, because the
 * function did not run; everything else is the fallback policy's to judge.
 */
final class ThrottleRetries {

  /** Less time than this left is not worth an invocation: the round trip alone takes longer. */
  static final Duration LEAST_ATTEMPT = Duration.ofMillis(5);

  private final LambdaInvoker invoker;
  private final BiConsumer<String, InvocationOutcome> eachAttempt;
  private final LongSupplier nanoTime;
  private final DoubleSupplier random;

  /**
   * @param eachAttempt told of every attempt's outcome, with the function's name (for meters)
   */
  ThrottleRetries(
      LambdaInvoker invoker,
      BiConsumer<String, InvocationOutcome> eachAttempt,
      LongSupplier nanoTime,
      DoubleSupplier random) {
    this.invoker = Objects.requireNonNull(invoker, "invoker");
    this.eachAttempt = Objects.requireNonNull(eachAttempt, "eachAttempt");
    this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    this.random = Objects.requireNonNull(random, "random");
  }

  /** The outcome of the last attempt made. */
  Mono<InvocationOutcome> invoke(LambdaTarget target, ThrottleRetry retry, byte[] payload) {
    return Mono.defer(
        () ->
            attempt(target, retry, payload, 1, nanoTime.getAsLong() + target.timeout().toNanos()));
  }

  private Mono<InvocationOutcome> attempt(
      LambdaTarget target, ThrottleRetry retry, byte[] payload, int attempt, long deadline) {
    Duration left = Duration.ofNanos(deadline - nanoTime.getAsLong());
    return invoker
        .invoke(target.function(), target.qualifier(), payload, left)
        .doOnNext(outcome -> eachAttempt.accept(target.function(), outcome))
        .flatMap(
            outcome -> {
              if (!(outcome instanceof InvocationOutcome.Throttled)
                  || attempt >= retry.attempts()) {
                return Mono.just(outcome);
              }
              Duration wait = retry.waitBefore(attempt, random.getAsDouble());
              long nextStart = nanoTime.getAsLong() + wait.toNanos();
              if (deadline - nextStart < LEAST_ATTEMPT.toNanos()) {
                return Mono.just(outcome);
              }
              return Mono.delay(wait)
                  .then(Mono.defer(() -> attempt(target, retry, payload, attempt + 1, deadline)));
            });
  }

  @Override
  public String toString() {
    return "ThrottleRetries[" + invoker + "]";
  }
}
