package dev.strangler.proxy.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo's whole stack on loopback, as {@code demo.sh} runs it: the monolith serving its
 * database, the local Lambda runtime with the shop functions on that database, and the proxy with
 * the given rules in front of both, naming the backend in {@code X-Strangler-Backend}.
 */
public final class ShopStack implements AutoCloseable {

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Monolith monolith;
  private final LocalLambda lambda;
  private final Proxy proxy;

  private ShopStack(Monolith monolith, LocalLambda lambda, Proxy proxy) {
    this.monolith = monolith;
    this.lambda = lambda;
    this.proxy = proxy;
  }

  /** Starts the stack; {@code rules} is the route file's content, written into {@code dir}. */
  public static ShopStack start(Path dir, String rules) {
    int dbPort = FreePort.next();
    Monolith monolith =
        Monolith.start(
            List.of("--spring.profiles.active=shared-db", "--shop.database.tcp-port=" + dbPort));
    LocalLambda lambda = LocalLambda.start("jdbc:h2:tcp://127.0.0.1:" + dbPort + "/mem:shop");
    try {
      Path file = Files.writeString(dir.resolve("routes.yaml"), rules);
      Proxy proxy =
          Proxy.start(
              monolith.url(),
              Map.of(
                  "strangler.rules.file", file.toString(),
                  "strangler.lambda.endpoint", lambda.url().toString(),
                  "strangler.backend-header", "X-Strangler-Backend"));
      return new ShopStack(monolith, lambda, proxy);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Monolith monolith() {
    return monolith;
  }

  public LocalLambda lambda() {
    return lambda;
  }

  public Proxy proxy() {
    return proxy;
  }

  /** Injects a fault into a function at run time, e.g. {@code {"throw":"boom"}}. */
  public void fault(String function, String json) throws Exception {
    int status =
        CLIENT
            .send(
                HttpRequest.newBuilder(lambda.url().resolve("/_local/faults/" + function))
                    .PUT(BodyPublishers.ofString(json))
                    .build(),
                BodyHandlers.discarding())
            .statusCode();
    if (status >= 300) {
      throw new IllegalStateException("the runtime refused the fault " + json + ": " + status);
    }
  }

  /**
   * One of a function's figures in the runtime, e.g. {@code invocations}, {@code throttles} or
   * {@code busyEnvironments}.
   */
  public long counter(String function, String counter) throws Exception {
    String json =
        CLIENT
            .send(
                HttpRequest.newBuilder(lambda.url().resolve("/_local/functions")).build(),
                BodyHandlers.ofString())
            .body();
    for (JsonNode each : JSON.readTree(json)) {
      if (each.get("name").asString().equals(function)) {
        return each.get(counter).asLong();
      }
    }
    throw new IllegalStateException("the runtime has no function " + function + ": " + json);
  }

  public void clearFaults() throws Exception {
    CLIENT.send(
        HttpRequest.newBuilder(lambda.url().resolve("/_local/faults")).DELETE().build(),
        BodyHandlers.discarding());
  }

  @Override
  public void close() {
    proxy.close();
    lambda.close();
    monolith.stop();
  }
}
