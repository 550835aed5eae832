package dev.strangler.proxy.monolith;

import dev.strangler.proxy.forwarding.ForwardedHeaders;
import dev.strangler.proxy.forwarding.ForwardedHeaders.Forwarding;
import java.util.List;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;

/**
 * Writes {@code X-Forwarded-*} and {@code Forwarded} on every upstream request, from the original
 * request (not from what earlier header filters left), so trust is decided in one place.
 */
final class ForwardingHeadersFilter implements HttpHeadersFilter, Ordered {

  /** Exchange attribute holding the {@link Forwarding} computed for the request. */
  static final String FORWARDING_ATTR = ForwardingHeadersFilter.class.getName() + ".forwarding";

  private final ForwardedHeaders forwardedHeaders;

  ForwardingHeadersFilter(ForwardedHeaders forwardedHeaders) {
    this.forwardedHeaders = forwardedHeaders;
  }

  @Override
  public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
    ServerHttpRequest request = exchange.getRequest();
    HttpHeaders original = request.getHeaders();
    String scheme = request.getSslInfo() != null ? "https" : "http";
    Forwarding forwarding =
        forwardedHeaders.forRequest(
            request.getRemoteAddress(),
            scheme,
            original.getFirst(HttpHeaders.HOST),
            name -> valuesOf(original, name));
    exchange.getAttributes().put(FORWARDING_ATTR, forwarding);

    HttpHeaders updated = new HttpHeaders();
    updated.putAll(input);
    ForwardedHeaders.NAMES.forEach(updated::remove);
    setIfPresent(updated, ForwardedHeaders.X_FORWARDED_FOR, forwarding.forwardedFor());
    setIfPresent(updated, ForwardedHeaders.X_FORWARDED_PROTO, forwarding.proto());
    setIfPresent(updated, ForwardedHeaders.X_FORWARDED_HOST, forwarding.host());
    setIfPresent(updated, ForwardedHeaders.X_FORWARDED_PORT, forwarding.port());
    setIfPresent(updated, ForwardedHeaders.FORWARDED, forwarding.forwarded());
    return updated;
  }

  private static List<String> valuesOf(HttpHeaders headers, String name) {
    List<String> values = headers.get(name);
    return values == null ? List.of() : values;
  }

  private static void setIfPresent(HttpHeaders headers, String name, String value) {
    if (value != null) {
      headers.set(name, value);
    }
  }

  @Override
  public boolean supports(Type type) {
    return type == Type.REQUEST;
  }

  @Override
  public int getOrder() {
    // After the gateway's own removers (order 0), before hop-by-hop removal.
    return 10;
  }

  @Override
  public String toString() {
    return "ForwardingHeadersFilter[" + forwardedHeaders + "]";
  }
}
