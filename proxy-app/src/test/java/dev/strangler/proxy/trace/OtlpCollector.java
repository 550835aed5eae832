package dev.strangler.proxy.trace;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A loopback stand-in for an OpenTelemetry collector's OTLP/HTTP traces endpoint: it keeps every
 * export request's body and answers 200, as a collector that accepted the spans.
 */
final class OtlpCollector implements AutoCloseable {

  /** One export request as received. */
  record Export(String path, String contentType, byte[] body) {

    /** Whether the spans of this trace are in it (OTLP protobuf carries trace ids as raw bytes). */
    boolean contains(String traceId) {
      byte[] id = HexFormat.of().parseHex(traceId);
      outer:
      for (int i = 0; i + id.length <= body.length; i++) {
        for (int j = 0; j < id.length; j++) {
          if (body[i + j] != id[j]) {
            continue outer;
          }
        }
        return true;
      }
      return false;
    }
  }

  private final HttpServer server;
  private final List<Export> exports = new CopyOnWriteArrayList<>();

  OtlpCollector() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(Executors.newSingleThreadExecutor());
    server.createContext("/", this::handle);
    server.start();
  }

  /** The traces endpoint, e.g. {@code http://127.0.0.1:4711/v1/traces}. */
  URI tracesEndpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1/traces");
  }

  List<Export> exports() {
    return List.copyOf(exports);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      exports.add(
          new Export(
              exchange.getRequestURI().getPath(),
              exchange.getRequestHeaders().getFirst("Content-Type"),
              body));
      exchange.sendResponseHeaders(200, -1);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }
}
