package dev.strangler.proxy.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback HTTP server that speaks Lambda's Invoke API ({@code POST
 * /2015-03-31/functions/NAME/invocations}) with a scripted answer per function name, for the
 * outcomes a test needs. The project's local Lambda runtime replaces it where real functions run.
 */
public final class InvokeApiServer implements AutoCloseable {

  private static final Pattern INVOKE =
      Pattern.compile("/2015-03-31/functions/([^/]+)/invocations");

  /** One invocation as the server received it. */
  public record Invocation(
      String function, String qualifier, Map<String, List<String>> headers, byte[] payload) {
    public String payloadText() {
      return new String(payload, StandardCharsets.UTF_8);
    }
  }

  /** Writes the answer to one invocation. */
  @FunctionalInterface
  public interface Answer {
    void write(Invocation invocation, HttpExchange exchange) throws IOException;
  }

  private final HttpServer server;
  private final Map<String, Answer> answers = new ConcurrentHashMap<>();
  private final List<Invocation> received = new CopyOnWriteArrayList<>();

  public InvokeApiServer() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/", this::handle);
    server.start();
  }

  public URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  public InvokeApiServer answer(String function, Answer answer) {
    answers.put(function, answer);
    return this;
  }

  public List<Invocation> received() {
    return List.copyOf(received);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      Matcher matcher = INVOKE.matcher(exchange.getRequestURI().getRawPath());
      byte[] payload = exchange.getRequestBody().readAllBytes();
      if (!matcher.matches() || !"POST".equals(exchange.getRequestMethod())) {
        error(exchange, 404, "UnknownOperationException", "no such operation");
        return;
      }
      String function = java.net.URLDecoder.decode(matcher.group(1), StandardCharsets.UTF_8);
      String query = exchange.getRequestURI().getQuery();
      String qualifier =
          query != null && query.startsWith("Qualifier=") ? query.substring(10) : null;
      Invocation invocation =
          new Invocation(function, qualifier, Map.copyOf(exchange.getRequestHeaders()), payload);
      received.add(invocation);
      Answer answer = answers.get(function);
      if (answer == null) {
        error(exchange, 404, "ResourceNotFoundException", "Function not found: " + function);
        return;
      }
      answer.write(invocation, exchange);
    }
  }

  // ---- answers ----

  /** 200 with the given payload, as a function that returns it. */
  public static Answer returning(String payload) {
    return (invocation, exchange) -> {
      exchange.getResponseHeaders().set("X-Amz-Executed-Version", "7");
      write(exchange, 200, payload);
    };
  }

  /** 200 with the invocation's own payload. */
  public static Answer echo() {
    return (invocation, exchange) -> {
      exchange.getResponseHeaders().set("X-Amz-Executed-Version", "3");
      write(exchange, 200, invocation.payloadText());
    };
  }

  /** 200 with {@code X-Amz-Function-Error}, as when a handler throws. */
  public static Answer functionError(String kind, String errorType, String message) {
    return (invocation, exchange) -> {
      exchange.getResponseHeaders().set("X-Amz-Function-Error", kind);
      exchange.getResponseHeaders().set("X-Amz-Executed-Version", "$LATEST");
      write(
          exchange,
          200,
          "{\"errorMessage\":\""
              + message
              + "\",\"errorType\":\""
              + errorType
              + "\",\"stackTrace\":[]}");
    };
  }

  /** An Invoke API error: status, {@code x-amzn-ErrorType} and a JSON body. */
  public static Answer serviceError(int status, String type, String message) {
    return (invocation, exchange) -> error(exchange, status, type, message);
  }

  /** 429 for a function at its reserved concurrency. */
  public static Answer throttled() {
    return (invocation, exchange) -> {
      exchange.getResponseHeaders().set("x-amzn-ErrorType", "TooManyRequestsException");
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      write(
          exchange,
          429,
          "{\"Reason\":\"ReservedFunctionConcurrentInvocationLimitExceeded\",\"Type\":\"User\","
              + "\"message\":\"Rate Exceeded.\"}");
    };
  }

  /** Answers only once {@code release} opens, or never within a test's budget. */
  public static Answer holding(CountDownLatch release, String payload) {
    return (invocation, exchange) -> {
      try {
        release.await(60, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      try {
        write(exchange, 200, payload);
      } catch (IOException clientGone) {
        // the caller gave up, as it should have
      }
    };
  }

  private static void error(HttpExchange exchange, int status, String type, String message)
      throws IOException {
    exchange.getResponseHeaders().set("x-amzn-ErrorType", type);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    write(exchange, status, "{\"Type\":\"User\",\"message\":\"" + message + "\"}");
  }

  private static void write(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }
}
