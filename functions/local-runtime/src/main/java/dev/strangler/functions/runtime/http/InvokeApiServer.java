package dev.strangler.functions.runtime.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.strangler.functions.runtime.fault.FaultRegistry;
import dev.strangler.functions.runtime.invoke.InvokeResult;
import dev.strangler.functions.runtime.invoke.LambdaService;
import dev.strangler.functions.runtime.invoke.ServiceErrors;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;

/**
 * The HTTP side of the runtime, on the JDK's HTTP server: the Invoke API and the admin API on one
 * port. A synchronous invocation holds its request thread until the function answers, so the pool
 * grows with the callers; the functions' concurrency limits are what bound the work.
 */
public final class InvokeApiServer implements AutoCloseable {

  private final HttpServer server;
  private final ExecutorService requestThreads;

  private InvokeApiServer(HttpServer server, ExecutorService requestThreads) {
    this.server = server;
    this.requestThreads = requestThreads;
  }

  public static InvokeApiServer start(
      InetSocketAddress address, LambdaService service, FaultRegistry faults, PrintStream console)
      throws IOException {
    Objects.requireNonNull(service, "service");
    HttpServer server = HttpServer.create(address, 128);
    AtomicInteger threads = new AtomicInteger();
    ExecutorService requestThreads =
        Executors.newCachedThreadPool(
            task -> {
              Thread thread = new Thread(task, "invoke-api-" + threads.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    InvokeApiHandler invokeApi = new InvokeApiHandler(service);
    AdminApiHandler adminApi = new AdminApiHandler(service, faults);
    server.createContext(
        "/",
        exchange -> {
          try {
            route(exchange, invokeApi, adminApi);
          } catch (IOException | RuntimeException e) {
            console.println("Request " + exchange.getRequestURI() + " failed: " + e);
            answerFailure(exchange, e);
          } finally {
            exchange.close();
          }
        });
    server.setExecutor(requestThreads);
    server.start();
    return new InvokeApiServer(server, requestThreads);
  }

  private static void route(
      HttpExchange exchange, InvokeApiHandler invokeApi, AdminApiHandler adminApi)
      throws IOException {
    String path = exchange.getRequestURI().getRawPath();
    Matcher invoke = InvokeApiHandler.INVOKE_PATH.matcher(path);
    if (invoke.matches() && exchange.getRequestMethod().equals("POST")) {
      invokeApi.handle(exchange, invoke);
    } else if (path.startsWith(AdminApiHandler.PREFIX)) {
      adminApi.handle(exchange);
    } else {
      Exchanges.readBody(exchange, 0);
      Exchanges.send(
          exchange,
          404,
          Map.of(
              "Content-Type", "application/json",
              "x-amzn-ErrorType", "UnknownOperationException",
              "x-amzn-RequestId", UUID.randomUUID().toString()),
          "{\"message\":\"Unknown operation\"}".getBytes(StandardCharsets.UTF_8));
    }
  }

  private static void answerFailure(HttpExchange exchange, Exception error) {
    try {
      InvokeResult.Rejected failure =
          ServiceErrors.serviceFailure(UUID.randomUUID().toString(), String.valueOf(error));
      Exchanges.send(
          exchange,
          500,
          Map.of(
              "Content-Type", "application/json",
              "x-amzn-ErrorType", failure.errorType(),
              "x-amzn-RequestId", failure.requestId()),
          failure.body());
    } catch (IOException | RuntimeException alreadyAnswered) {
      // The headers went out before the failure; the client sees the connection end.
    }
  }

  public URI url() {
    InetSocketAddress address = server.getAddress();
    String host = address.getAddress().getHostAddress();
    if (host.contains(":")) {
      host = "[" + host + "]";
    }
    return URI.create("http://" + host + ":" + address.getPort());
  }

  @Override
  public void close() {
    server.stop(0);
    requestThreads.shutdownNow();
  }
}
