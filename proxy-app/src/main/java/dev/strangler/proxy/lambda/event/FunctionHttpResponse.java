package dev.strangler.proxy.lambda.event;

import static java.util.Objects.requireNonNull;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The HTTP response a function asked for, checked: valid header names and values, no hop-by-hop
 * headers, no Content-Length (the writer frames the body).
 *
 * @param status 100 to 599
 * @param headers in order; a name may repeat, e.g. {@code Set-Cookie}
 * @param body the decoded body; the array is not copied, so whoever makes a response gives it up
 */
public record FunctionHttpResponse(int status, List<HeaderField> headers, byte[] body)
    implements FunctionResponse {

  public FunctionHttpResponse {
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("status must be 100 to 599, but was " + status);
    }
    headers = List.copyOf(requireNonNull(headers, "headers"));
    requireNonNull(body, "body");
  }

  /** A copy of the body. */
  @Override
  public byte[] body() {
    return body.clone();
  }

  /** The body without a copy, read-only. */
  public ByteBuffer bodyBuffer() {
    return ByteBuffer.wrap(body).asReadOnlyBuffer();
  }

  /** The values of a header, by case-insensitive name, in order. */
  public List<String> headerValues(String name) {
    return headers.stream()
        .filter(header -> header.name().equalsIgnoreCase(name))
        .map(HeaderField::value)
        .toList();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof FunctionHttpResponse that
        && status == that.status
        && headers.equals(that.headers)
        && Arrays.equals(body, that.body);
  }

  @Override
  public int hashCode() {
    return Objects.hash(status, headers, Arrays.hashCode(body));
  }

  @Override
  public String toString() {
    return "FunctionHttpResponse[" + status + ", " + headers + ", " + body.length + " bytes]";
  }
}
