package dev.strangler.functions.runtime.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** Reading and answering {@code HttpExchange}s. */
final class Exchanges {

  static final JsonMapper JSON = JsonMapper.builder().build();

  private Exchanges() {}

  /** A request body, kept up to a limit but counted in full. */
  record Body(byte[] bytes, long size) {}

  /** Reads the body, keeping at most {@code keep} bytes and draining the rest. */
  static Body readBody(HttpExchange exchange, int keep) throws IOException {
    ByteArrayOutputStream kept = new ByteArrayOutputStream();
    long size = 0;
    byte[] buffer = new byte[64 * 1024];
    try (InputStream in = exchange.getRequestBody()) {
      int read;
      while ((read = in.read(buffer)) >= 0) {
        int room = (int) Math.max(0, Math.min(read, keep - size));
        kept.write(buffer, 0, room);
        size += read;
      }
    }
    return new Body(kept.toByteArray(), size);
  }

  static void send(HttpExchange exchange, int status, Map<String, String> headers, byte[] body)
      throws IOException {
    headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
    boolean empty = body == null || body.length == 0;
    exchange.sendResponseHeaders(status, empty ? -1 : body.length);
    if (!empty) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
    exchange.close();
  }

  static void sendJson(HttpExchange exchange, int status, Object value) throws IOException {
    send(
        exchange,
        status,
        Map.of("Content-Type", "application/json"),
        JSON.writeValueAsBytes(value));
  }

  static Map<String, String> queryParameters(HttpExchange exchange) {
    Map<String, String> parameters = new LinkedHashMap<>();
    String query = exchange.getRequestURI().getRawQuery();
    if (query == null || query.isEmpty()) {
      return parameters;
    }
    for (String pair : query.split("&")) {
      int equals = pair.indexOf('=');
      String name = equals < 0 ? pair : pair.substring(0, equals);
      String value = equals < 0 ? "" : pair.substring(equals + 1);
      parameters.putIfAbsent(decode(name), decode(value));
    }
    return parameters;
  }

  static String decode(String text) {
    return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
  }
}
