package dev.strangler.proxy.blocking;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;
import reactor.blockhound.BlockHound;
import reactor.blockhound.BlockingOperationError;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * BlockHound's settings for this test JVM (loaded by its {@code ServiceLoader}; installed by {@code
 * blockhound-junit-platform} before the first test): every blocking call on a non-blocking thread
 * (Netty event loops, Reactor's parallel scheduler) is remembered here as well as thrown, because
 * the error is thrown on that thread, where the framework may turn it into a 500 or a closed
 * connection that a test does not notice. {@link NoBlockingCallsExtension} fails the test.
 */
public final class BlockingCalls implements BlockHoundIntegration {

  private static final Queue<String> REPORTED = new ConcurrentLinkedQueue<>();

  @Override
  public void applyTo(BlockHound.Builder builder) {
    builder
        // A name lookup is a blocking call BlockHound does not know of by default (JDK 17's
        // resolver, native); literals never reach it.
        .markAsBlocking(
            "java.net.Inet6AddressImpl",
            "lookupAllHostAddr",
            "(Ljava/lang/String;)[Ljava/net/InetAddress;")
        .markAsBlocking(
            "java.net.Inet4AddressImpl",
            "lookupAllHostAddr",
            "(Ljava/lang/String;)[Ljava/net/InetAddress;")
        // Closing the Lambda client's connection pool at shutdown waits for its channels to close,
        // on Netty's global executor (not an I/O loop): once per client, never per request.
        .allowBlockingCallsInside("io.netty.channel.pool.SimpleChannelPool", "close")
        .blockingMethodCallback(
            method -> {
              REPORTED.add(
                  method
                      + " on "
                      + Thread.currentThread().getName()
                      + Arrays.stream(new Throwable().getStackTrace())
                          .skip(1)
                          .limit(40)
                          .map(frame -> "\n    at " + frame)
                          .collect(Collectors.joining()));
              throw new BlockingOperationError(method);
            });
  }

  /** The calls reported since the last {@link #drain()}, and forgets them. */
  public static List<String> drain() {
    List<String> calls = new ArrayList<>();
    for (String call = REPORTED.poll(); call != null; call = REPORTED.poll()) {
      calls.add(call);
    }
    return calls;
  }
}
