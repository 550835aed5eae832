package dev.strangler.proxy.bench;

import dev.strangler.proxy.config.StranglerProperties;
import dev.strangler.proxy.support.InvokeApiServer;
import dev.strangler.proxy.support.Proxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaAsyncClient;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;

/**
 * The Lambda path's own cost: the same function invoked (a) with a bare {@code LambdaAsyncClient}
 * call and (b) through the proxy, against the same loopback Invoke API endpoint, interleaved in one
 * run. Not a test: run it with {@code bench/lambda-path.sh}.
 */
public final class LambdaPathBenchmark {

  private static final String ANSWER =
      "{\"statusCode\":200,\"headers\":{\"Content-Type\":\"application/json\"},\"body\":\"{\\\"ok\\\":true}\"}";

  public static void main(String[] args) throws Exception {
    int concurrency = Integer.getInteger("bench.concurrency", 4);
    Duration round = Duration.ofSeconds(Long.getLong("bench.seconds", 10));
    int rounds = Integer.getInteger("bench.rounds", 3);
    Path dir = Files.createTempDirectory("lambda-path");
    try (InvokeApiServer lambda =
        new InvokeApiServer().answer("bench", InvokeApiServer.returning(ANSWER))) {
      Path rules =
          Files.writeString(
              dir.resolve("routes.yaml"),
              "version: 1\nroutes:\n  - id: bench\n    match: { paths: [/bench] }\n"
                  + "    lambda: { function: bench }\n    canary: { percent: 100 }\n");
      try (Proxy proxy =
              Proxy.start(
                  URI.create("http://127.0.0.1:9"),
                  Map.of(
                      "strangler.rules.file", rules.toString(),
                      "strangler.lambda.endpoint", lambda.url().toString(),
                      "logging.level.root", "warn"));
          LambdaAsyncClient client = bareClient(lambda.url())) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI through = proxy.url().resolve("/bench");
        byte[] event =
            "{\"version\":\"2.0\",\"rawPath\":\"/bench\"}".getBytes(StandardCharsets.UTF_8);
        Callable<Void> bare =
            () -> {
              client
                  .invoke(
                      InvokeRequest.builder()
                          .functionName("bench")
                          .payload(SdkBytes.fromByteArrayUnsafe(event))
                          .build())
                  .join();
              return null;
            };
        Callable<Void> proxied =
            () -> {
              int status =
                  http.send(HttpRequest.newBuilder(through).build(), BodyHandlers.discarding())
                      .statusCode();
              if (status != 200) {
                throw new IllegalStateException("proxy answered " + status);
              }
              return null;
            };
        System.out.printf("warm-up (%d s each)...%n", round.toSeconds());
        measure(bare, concurrency, round);
        measure(proxied, concurrency, round);
        List<double[]> a = new ArrayList<>();
        List<double[]> b = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
          a.add(measure(bare, concurrency, round));
          b.add(measure(proxied, concurrency, round));
          System.out.printf(
              "round %d: (a) bare p50 %.3f ms p99 %.3f ms | (b) proxy p50 %.3f ms p99 %.3f ms%n",
              i + 1, a.get(i)[0], a.get(i)[1], b.get(i)[0], b.get(i)[1]);
        }
        double ap50 = median(a, 0), ap99 = median(a, 1), bp50 = median(b, 0), bp99 = median(b, 1);
        System.out.printf(
            "%nconcurrency %d, %d rounds of %d s, medians:%n",
            concurrency, rounds, round.toSeconds());
        System.out.printf(
            "(a) bare LambdaAsyncClient  p50 %.3f ms  p99 %.3f ms  %.0f req/s%n",
            ap50, ap99, median(a, 2));
        System.out.printf(
            "(b) through the proxy       p50 %.3f ms  p99 %.3f ms  %.0f req/s%n",
            bp50, bp99, median(b, 2));
        System.out.printf(
            "added by the proxy path:    Δp50 %.3f ms  Δp99 %.3f ms%n", bp50 - ap50, bp99 - ap99);
      }
    }
  }

  private static LambdaAsyncClient bareClient(URI endpoint) {
    return dev.strangler.proxy.lambda.LambdaClients.create(
        new StranglerProperties.Lambda(
            endpoint,
            "eu-west-1",
            StranglerProperties.Lambda.Credentials.ANONYMOUS,
            256,
            Duration.ofSeconds(1),
            "000000000000",
            "strangler"));
  }

  /** Closed loop: {p50 ms, p99 ms, requests per second}. */
  private static double[] measure(Callable<Void> call, int concurrency, Duration duration)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(concurrency);
    long end = System.nanoTime() + duration.toNanos();
    List<Future<long[]>> workers = new ArrayList<>();
    for (int i = 0; i < concurrency; i++) {
      workers.add(
          pool.submit(
              () -> {
                long[] samples = new long[1 << 16];
                int n = 0;
                while (System.nanoTime() < end) {
                  long start = System.nanoTime();
                  call.call();
                  if (n == samples.length) {
                    samples = Arrays.copyOf(samples, n * 2);
                  }
                  samples[n++] = System.nanoTime() - start;
                }
                return Arrays.copyOf(samples, n);
              }));
    }
    long[] all = new long[0];
    for (Future<long[]> worker : workers) {
      long[] part = worker.get();
      long[] merged = Arrays.copyOf(all, all.length + part.length);
      System.arraycopy(part, 0, merged, all.length, part.length);
      all = merged;
    }
    pool.shutdown();
    Arrays.sort(all);
    return new double[] {
      all[all.length / 2] / 1e6,
      all[(int) (all.length * 0.99)] / 1e6,
      all.length / (double) duration.toSeconds()
    };
  }

  private static double median(List<double[]> rounds, int index) {
    double[] values = rounds.stream().mapToDouble(r -> r[index]).sorted().toArray();
    return values[values.length / 2];
  }
}
