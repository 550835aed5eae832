package dev.strangler.proxy.lambda.event;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A request as the proxy received it, framework-free, for mapping into an API Gateway event.
 *
 * @param method the request method, e.g. {@code GET}
 * @param path the canonical raw path, percent-encoded as received, e.g. {@code /a%20b}
 * @param rawQuery the query string exactly as received, without {@code ?}; {@code null} when the
 *     request target had no {@code ?}
 * @param headers every header line in the order received, names as received
 * @param body the request body; empty when there is none
 * @param sourceIp the client's address
 * @param protocol e.g. {@code HTTP/1.1}
 * @param requestId the proxy's id for this request
 * @param time when the request was received
 */
public record HttpRequestSnapshot(
    String method,
    String path,
    String rawQuery,
    List<HeaderField> headers,
    byte[] body,
    String sourceIp,
    String protocol,
    String requestId,
    Instant time) {

  public HttpRequestSnapshot {
    requireNonNull(method, "method");
    requireNonNull(path, "path");
    headers = List.copyOf(requireNonNull(headers, "headers"));
    body = requireNonNull(body, "body").clone();
    requireNonNull(sourceIp, "sourceIp");
    requireNonNull(protocol, "protocol");
    requireNonNull(requestId, "requestId");
    requireNonNull(time, "time");
    if (method.isEmpty()) {
      throw new IllegalArgumentException("method must not be empty");
    }
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException("path must start with '/', but was '" + path + "'");
    }
  }

  /** A copy of the body. */
  @Override
  public byte[] body() {
    return body.clone();
  }

  /** The body itself, for this package's read-only use without a copy. */
  byte[] bodyBytes() {
    return body;
  }

  /** The first value of a header, by case-insensitive name, or {@code null}. */
  String firstHeader(String name) {
    for (HeaderField header : headers) {
      if (header.name().equalsIgnoreCase(name)) {
        return header.value();
      }
    }
    return null;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof HttpRequestSnapshot that
        && method.equals(that.method)
        && path.equals(that.path)
        && Objects.equals(rawQuery, that.rawQuery)
        && headers.equals(that.headers)
        && Arrays.equals(body, that.body)
        && sourceIp.equals(that.sourceIp)
        && protocol.equals(that.protocol)
        && requestId.equals(that.requestId)
        && time.equals(that.time);
  }

  @Override
  public int hashCode() {
    return Objects.hash(method, path, rawQuery, headers, Arrays.hashCode(body), requestId, time);
  }

  @Override
  public String toString() {
    return "HttpRequestSnapshot["
        + method
        + " "
        + path
        + (rawQuery == null ? "" : "?" + rawQuery)
        + ", "
        + headers.size()
        + " headers, "
        + body.length
        + " body bytes, requestId="
        + requestId
        + "]";
  }
}
