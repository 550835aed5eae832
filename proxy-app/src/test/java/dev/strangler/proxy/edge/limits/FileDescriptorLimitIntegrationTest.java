package dev.strangler.proxy.edge.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.strangler.proxy.support.ProxyProcess;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * Issue 12's lockout, for real: the proxy in a JVM of its own under a limit of 1,024 file
 * descriptors ({@code prlimit}), in front of a loopback upstream. One client (127.0.0.1) opens
 * 1,100 connections that trickle a request head a byte at a time; meanwhile another client
 * (127.0.0.2) keeps sending ordinary requests. Before the edge limits, the flood took every
 * descriptor and the other client could not even be accepted while it was held.
 *
 * <p>Timeouts are 4 s so that the flood's hold ends quickly.
 */
@EnabledOnOs(OS.LINUX)
class FileDescriptorLimitIntegrationTest {

  private static final int DESCRIPTOR_LIMIT = 1024;
  private static final int FLOOD = 1_100;
  private static final String FLOODER = "127.0.0.1";
  private static final String OTHER_CLIENT = "127.0.0.2";
  private static final Duration TIMEOUT = Duration.ofSeconds(4);
  private static final Duration SLACK = Duration.ofMillis(1_500);

  /**
   * The slowest ordinary request allowed while the flood is on: half the timeout, so that an answer
   * that had to wait for the flood's connections to time out fails, while a loaded two-core machine
   * (1,100 connections accepted and refused meanwhile) has room.
   */
  private static final Duration SERVED_WITHIN = TIMEOUT.dividedBy(2);

  private static final Pattern LOWERED = Pattern.compile("holding at most (\\d+) connections");

  private static RecordingUpstream upstream;
  private static ProxyProcess.Started proxy;
  private static int maxConnections;

  @BeforeAll
  static void start() throws IOException {
    upstream = new RecordingUpstream();
    proxy =
        ProxyProcess.startUnder(
            List.of("prlimit", "--nofile=" + DESCRIPTOR_LIMIT + ":" + DESCRIPTOR_LIMIT, "--"),
            List.of("-Xmx256m", "-XX:TieredStopAtLevel=1"),
            upstream.url(),
            Map.of(
                "strangler.server.header-read-timeout", TIMEOUT.toSeconds() + "s",
                "strangler.server.body-read-timeout", TIMEOUT.toSeconds() + "s",
                "strangler.server.keep-alive-timeout", TIMEOUT.toSeconds() + "s",
                "strangler.server.idle-connection-timeout", TIMEOUT.toSeconds() + "s"));
    Matcher lowered = LOWERED.matcher(proxy.process().output());
    assertThat(lowered.find())
        .as("the proxy lowered max-connections to its descriptor limit:\n%s", output())
        .isTrue();
    maxConnections = Integer.parseInt(lowered.group(1));
  }

  @AfterAll
  static void stop() throws IOException {
    if (proxy != null) {
      proxy.close();
    }
    upstream.close();
  }

  @Test
  void aFloodFromOneClientUnderTheDescriptorLimitLocksNobodyElseOut() throws Exception {
    int perClient = maxConnections / ConnectionCaps.DEFAULT_PER_CLIENT_DIVISOR;
    assertThat(get(OTHER_CLIENT).status()).isEqualTo(200);
    assertThat(get(FLOODER).status()).isEqualTo(200);
    System.out.printf("proxy descriptors before the flood: %d%n", openDescriptors());

    AtomicBoolean floodOn = new AtomicBoolean(true);
    List<Served> served = new CopyOnWriteArrayList<>();
    AtomicInteger mostDescriptors = new AtomicInteger();
    ExecutorService otherClient = Executors.newSingleThreadExecutor();
    ScheduledExecutorService pacer = Executors.newScheduledThreadPool(2);
    ConnectionFlood flood = null;
    try {
      pacer.scheduleWithFixedDelay(
          () -> mostDescriptors.accumulateAndGet(openDescriptors(), Math::max),
          0,
          50,
          TimeUnit.MILLISECONDS);
      Future<?> asking =
          otherClient.submit(
              () -> {
                while (floodOn.get()) {
                  served.add(get(OTHER_CLIENT));
                }
                return null;
              });
      await().atMost(Duration.ofSeconds(5)).until(() -> !served.isEmpty());

      flood = ConnectionFlood.open(FLOOD, FLOODER, proxy.url().getPort());
      pacer.scheduleWithFixedDelay(flood::trickle, 0, 250, TimeUnit.MILLISECONDS);
      ConnectionFlood held = flood;
      await()
          .atMost(TIMEOUT.plus(SLACK).plusSeconds(5))
          .pollInterval(Duration.ofMillis(100))
          .until(() -> held.stillOpen() == 0);
      floodOn.set(false);
      asking.get(10, TimeUnit.SECONDS);
    } finally {
      floodOn.set(false);
      pacer.shutdownNow();
      pacer.awaitTermination(5, TimeUnit.SECONDS);
      otherClient.shutdownNow();
      if (flood != null) {
        flood.close();
      }
    }

    // The other client was served throughout, promptly.
    System.out.printf(
        "other client: %d requests, slowest %s; proxy descriptors at most %d; cap %d/%d%n",
        served.size(),
        served.stream().map(Served::took).max(Duration::compareTo).orElseThrow(),
        mostDescriptors.get(),
        maxConnections,
        perClient);
    assertThat(served).hasSizeGreaterThan(5);
    assertThat(served)
        .allSatisfy(
            answer -> {
              assertThat(answer.status())
                  .as("status to the other client; the proxy's log:%n%s", output())
                  .isEqualTo(200);
              assertThat(answer.body()).isEqualTo(RecordingUpstream.BODY);
              assertThat(answer.took()).isLessThan(SERVED_WITHIN);
            });

    // The flood got at most its share; the rest was refused at once, the share closed on time.
    List<ConnectionFlood.Ended> ended = flood.ended();
    assertThat(ended).hasSize(FLOOD);
    List<ConnectionFlood.Ended> held =
        ended.stream().filter(end -> end.afterFirstByte().compareTo(TIMEOUT) >= 0).toList();
    List<ConnectionFlood.Ended> refused =
        ended.stream().filter(end -> end.afterFirstByte().compareTo(TIMEOUT) < 0).toList();
    System.out.printf(
        "flood: %d held to the timeout (%d answered 408), %d refused (%d answered 503)%n",
        held.size(),
        held.stream().filter(end -> end.answered(408)).count(),
        refused.size(),
        refused.stream().filter(end -> end.answered(503)).count());
    assertThat(held).hasSizeLessThanOrEqualTo(perClient);
    assertThat(held)
        .allSatisfy(
            end -> {
              assertThat(end.afterFirstByte()).isLessThan(TIMEOUT.plus(SLACK));
              assertThat(end.received())
                  .satisfiesAnyOf(
                      text -> assertThat(text).startsWith("HTTP/1.1 408 Request Timeout\r\n"),
                      text -> assertThat(text).isEmpty());
            });
    assertThat(refused).hasSizeGreaterThanOrEqualTo(FLOOD - perClient);
    assertThat(refused)
        .allSatisfy(
            end ->
                assertThat(end.received())
                    .satisfiesAnyOf(
                        text ->
                            assertThat(text)
                                .startsWith("HTTP/1.1 503 Service Unavailable\r\n")
                                .contains("\r\nRetry-After: 1\r\n")
                                .contains("\r\nContent-Type: application/problem+json\r\n")
                                .contains("client address"),
                        text -> assertThat(text).isEmpty()));
    assertThat(refused.stream().filter(end -> end.answered(503)).count())
        .as("refusals that reached the client as an answer")
        .isPositive();
    assertThat(mostDescriptors.get()).isLessThan(DESCRIPTOR_LIMIT);

    // Afterwards, the proxy is up and serves both clients.
    assertThat(proxy.process().process().isAlive()).isTrue();
    assertThat(get(FLOODER).status()).isEqualTo(200);
    assertThat(get(OTHER_CLIENT).status()).isEqualTo(200);
    assertThat(output()).doesNotContain("Too many open files");
  }

  /**
   * Every slot taken by a request the upstream is slow to answer: each holds a client connection
   * and a connection to the upstream, and refused connections linger on top. The descriptors the
   * budget counts on must be there.
   */
  @Test
  void everySlotWithARequestAtTheUpstreamStaysWithinTheLimit() throws Exception {
    int perClient = maxConnections / ConnectionCaps.DEFAULT_PER_CLIENT_DIVISOR;
    AtomicInteger mostDescriptors = new AtomicInteger();
    ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
    List<Socket> waiting = new java.util.ArrayList<>();
    ConnectionFlood refusals = null;
    try {
      sampler.scheduleWithFixedDelay(
          () -> mostDescriptors.accumulateAndGet(openDescriptors(), Math::max),
          0,
          50,
          TimeUnit.MILLISECONDS);
      int slowBefore = slowRequestsAtUpstream();
      for (int client = 1; waiting.size() < maxConnections; client++) {
        String address = "127.0.0." + (10 + client);
        for (int i = 0; i < perClient && waiting.size() < maxConnections; i++) {
          Socket socket = new Socket();
          socket.bind(new InetSocketAddress(InetAddress.getByName(address), 0));
          socket.connect(
              new InetSocketAddress(InetAddress.getLoopbackAddress(), proxy.url().getPort()));
          socket.setSoTimeout(15_000);
          socket
              .getOutputStream()
              .write("GET /slow HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes());
          waiting.add(socket);
        }
      }
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> slowRequestsAtUpstream() - slowBefore == maxConnections);
      refusals = ConnectionFlood.open(200, OTHER_CLIENT, proxy.url().getPort());
      for (Socket socket : waiting) {
        String response = SlowClientTimeoutsIntegrationTest.readResponse(socket.getInputStream());
        assertThat(response).startsWith("HTTP/1.1 200 ").endsWith(RecordingUpstream.BODY);
      }
    } finally {
      sampler.shutdownNow();
      sampler.awaitTermination(5, TimeUnit.SECONDS);
      for (Socket socket : waiting) {
        socket.close();
      }
      if (refusals != null) {
        refusals.close();
      }
    }
    System.out.printf(
        "%d slots at the upstream: proxy descriptors at most %d%n",
        maxConnections, mostDescriptors.get());
    assertThat(mostDescriptors.get()).isLessThan(DESCRIPTOR_LIMIT);
    assertThat(output()).doesNotContain("Too many open files");
    assertThat(get(OTHER_CLIENT).status()).isEqualTo(200);
  }

  private static int slowRequestsAtUpstream() {
    return upstream.captures().stream()
        .mapToInt(capture -> capture.text().split("GET /slow ", -1).length - 1)
        .sum();
  }

  /** One ordinary request, its answer and how long it took. */
  record Served(int status, String body, Duration took) {}

  private static Served get(String from) throws IOException {
    long started = System.nanoTime();
    try (Socket socket = new Socket()) {
      socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
      socket.connect(
          new InetSocketAddress(InetAddress.getLoopbackAddress(), proxy.url().getPort()), 5_000);
      socket.setSoTimeout(5_000);
      OutputStream out = socket.getOutputStream();
      out.write("GET /ordinary HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes());
      out.flush();
      String response = SlowClientTimeoutsIntegrationTest.readResponse(socket.getInputStream());
      int status = Integer.parseInt(response.substring(9, 12));
      String body = response.substring(response.indexOf("\r\n\r\n") + 4);
      return new Served(status, body, Duration.ofNanos(System.nanoTime() - started));
    }
  }

  private static int openDescriptors() {
    try (Stream<Path> descriptors =
        Files.list(Path.of("/proc", String.valueOf(proxy.process().process().pid()), "fd"))) {
      return (int) descriptors.count();
    } catch (IOException | RuntimeException gone) {
      return 0;
    }
  }

  private static String output() {
    return proxy.process().output();
  }
}
