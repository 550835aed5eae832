package dev.strangler.proxy.lambda.event;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A request as the proxy received it, framework-free, for mapping into an API Gateway event. A
 * class rather than a record so that the proxy can hand over a large body without a copy ({@link
 * #owningBody}).
 *
 * <ul>
 *   <li>{@code method}: the request method, e.g. {@code GET}
 *   <li>{@code path}: the canonical raw path, percent-encoded as received, e.g. {@code /a%20b}
 *   <li>{@code rawQuery}: the query string exactly as received, without {@code ?}; {@code null}
 *       when the request target had no {@code ?}
 *   <li>{@code headers}: every header line in the order received, names as received
 *   <li>{@code body}: the request body; empty when there is none
 *   <li>{@code sourceIp}: the client's address
 *   <li>{@code protocol}: e.g. {@code HTTP/1.1}
 *   <li>{@code requestId}: the proxy's id for this request
 *   <li>{@code time}: when the request was received
 * </ul>
 */
public final class HttpRequestSnapshot {

  private final String method;
  private final String path;
  private final String rawQuery;
  private final List<HeaderField> headers;
  private final byte[] body;
  private final String sourceIp;
  private final String protocol;
  private final String requestId;
  private final Instant time;

  /** A snapshot with its own copy of {@code body}. */
  public HttpRequestSnapshot(
      String method,
      String path,
      String rawQuery,
      List<HeaderField> headers,
      byte[] body,
      String sourceIp,
      String protocol,
      String requestId,
      Instant time) {
    this(
        method,
        path,
        rawQuery,
        headers,
        requireNonNull(body, "body").clone(),
        sourceIp,
        protocol,
        requestId,
        time,
        true);
  }

  /** {@code bodyIsOwn} only tells this constructor apart: the array is the snapshot's now. */
  private HttpRequestSnapshot(
      String method,
      String path,
      String rawQuery,
      List<HeaderField> headers,
      byte[] body,
      String sourceIp,
      String protocol,
      String requestId,
      Instant time,
      boolean bodyIsOwn) {
    this.method = requireNonNull(method, "method");
    this.path = requireNonNull(path, "path");
    this.rawQuery = rawQuery;
    this.headers = List.copyOf(requireNonNull(headers, "headers"));
    this.body = requireNonNull(body, "body");
    this.sourceIp = requireNonNull(sourceIp, "sourceIp");
    this.protocol = requireNonNull(protocol, "protocol");
    this.requestId = requireNonNull(requestId, "requestId");
    this.time = requireNonNull(time, "time");
    if (method.isEmpty()) {
      throw new IllegalArgumentException("method must not be empty");
    }
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException("path must start with '/', but was '" + path + "'");
    }
  }

  /**
   * A snapshot that takes {@code body} over instead of copying it: the proxy's one copy of a large
   * body is not doubled. The caller must not change the array afterwards.
   */
  public static HttpRequestSnapshot owningBody(
      String method,
      String path,
      String rawQuery,
      List<HeaderField> headers,
      byte[] body,
      String sourceIp,
      String protocol,
      String requestId,
      Instant time) {
    return new HttpRequestSnapshot(
        method, path, rawQuery, headers, body, sourceIp, protocol, requestId, time, true);
  }

  public String method() {
    return method;
  }

  public String path() {
    return path;
  }

  public String rawQuery() {
    return rawQuery;
  }

  public List<HeaderField> headers() {
    return headers;
  }

  public String sourceIp() {
    return sourceIp;
  }

  public String protocol() {
    return protocol;
  }

  public String requestId() {
    return requestId;
  }

  public Instant time() {
    return time;
  }

  /** A copy of the body. */
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
