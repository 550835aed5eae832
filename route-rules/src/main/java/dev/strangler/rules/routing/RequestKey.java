package dev.strangler.rules.routing;

import java.util.Objects;
import java.util.function.Function;

/**
 * What routing needs to know of a request, built once per request by the proxy, free of any
 * framework type.
 *
 * @param method upper-case HTTP method
 * @param rawPath the path as received, still percent-encoded, without the query
 * @param header lower-case header name to its first value, or {@code null} when absent
 * @param clientIp the client's address as the proxy determined it (used by {@code client-ip})
 * @param forced a backend a tester forced with the override header, or {@code null}
 */
public record RequestKey(
    String method,
    String rawPath,
    Function<String, String> header,
    String clientIp,
    Backend forced) {

  public RequestKey {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(rawPath, "rawPath");
    Objects.requireNonNull(header, "header");
  }
}
