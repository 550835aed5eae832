package dev.strangler.proxy.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The batch form of explain: the {@code requests} of a {@code POST /actuator/explain} body, read
 * from the JSON as parsed (lists, maps, strings), each checked with its index named in the error.
 *
 * <pre>{@code
 * {"requests": [{"method": "GET", "path": "/api/products/1",
 *                "headers": {"X-User-Id": "k1"}, "clientIp": "10.0.0.7"}, ...]}
 * }</pre>
 */
final class ExplainBatch {

  /** The most requests one call may ask about; beyond it the call is refused with 400. */
  static final int MAX_REQUESTS = 10_000;

  private static final Set<String> FIELDS = Set.of("method", "path", "headers", "clientIp");

  private ExplainBatch() {}

  /** One request to explain, as the single form's parameters give it. */
  record Request(String method, String path, HeaderLines headers, String clientIp) {}

  /**
   * @param body the whole JSON body as parsed: an object with one field, {@code requests}
   * @throws IllegalArgumentException naming the first unusable part, e.g. {@code requests[3].path}
   */
  static List<Request> parse(Object body) {
    if (!(body instanceof Map<?, ?> fields)
        || !fields.containsKey("requests")
        || fields.size() != 1) {
      throw new IllegalArgumentException(
          "the body must be a JSON object with one field, requests: {\"requests\": [...]}");
    }
    return requests(fields.get("requests"));
  }

  private static List<Request> requests(Object requests) {
    if (!(requests instanceof List<?> list)) {
      throw new IllegalArgumentException("requests: must be a JSON array of requests");
    }
    if (list.size() > MAX_REQUESTS) {
      throw new IllegalArgumentException(
          "requests: "
              + list.size()
              + " requests, but at most "
              + MAX_REQUESTS
              + " per call: split them over several calls");
    }
    List<Request> parsed = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      parsed.add(request("requests[" + i + "]", list.get(i)));
    }
    return parsed;
  }

  private static Request request(String where, Object value) {
    if (!(value instanceof Map<?, ?> fields)) {
      throw new IllegalArgumentException(where + ": must be an object");
    }
    for (Object name : fields.keySet()) {
      if (!FIELDS.contains(name)) {
        throw new IllegalArgumentException(
            where + ": unknown field '" + name + "' (method, path, headers, clientIp)");
      }
    }
    String method = required(where + ".method", fields.get("method"));
    String path = required(where + ".path", fields.get("path"));
    Object clientIp = fields.get("clientIp");
    return new Request(
        method,
        path,
        headers(where + ".headers", fields.get("headers")),
        clientIp == null ? null : string(where + ".clientIp", clientIp));
  }

  private static HeaderLines headers(String where, Object value) {
    if (value == null) {
      return HeaderLines.NONE;
    }
    if (!(value instanceof Map<?, ?> headers)) {
      throw new IllegalArgumentException(where + ": must be an object of header names to values");
    }
    List<String> lines = new ArrayList<>(headers.size());
    for (Map.Entry<?, ?> header : headers.entrySet()) {
      String name = String.valueOf(header.getKey());
      if (name.isBlank() || name.indexOf(':') >= 0) {
        throw new IllegalArgumentException(where + ": not a header name: '" + name + "'");
      }
      lines.add(name + ":" + string(where + "." + name, header.getValue()));
    }
    return new HeaderLines(lines);
  }

  private static String required(String where, Object value) {
    if (value == null || (value instanceof String text && text.isBlank())) {
      throw new IllegalArgumentException(where + ": required, a string");
    }
    return string(where, value);
  }

  private static String string(String where, Object value) {
    if (!(value instanceof String text)) {
      throw new IllegalArgumentException(where + ": must be a string");
    }
    return text;
  }
}
