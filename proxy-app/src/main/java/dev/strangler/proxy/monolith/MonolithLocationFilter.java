package dev.strangler.proxy.monolith;

import dev.strangler.proxy.forwarding.LocationRewriter;
import dev.strangler.proxy.routing.RoutedRequest;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;

/** Points redirects at the proxy when the monolith names its own origin in {@code Location}. */
final class MonolithLocationFilter implements HttpHeadersFilter {

  private final LocationRewriter rewriter;

  MonolithLocationFilter(LocationRewriter rewriter) {
    this.rewriter = rewriter;
  }

  @Override
  public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
    String location = input.getFirst(HttpHeaders.LOCATION);
    RoutedRequest routed = RoutedRequest.of(exchange);
    if (location == null || routed == null) {
      return input;
    }
    String rewritten = rewriter.rewrite(location, routed.forwarding().origin());
    if (rewritten.equals(location)) {
      return input;
    }
    HttpHeaders updated = new HttpHeaders();
    updated.putAll(input);
    updated.set(HttpHeaders.LOCATION, rewritten);
    return updated;
  }

  @Override
  public boolean supports(Type type) {
    return type == Type.RESPONSE;
  }

  @Override
  public String toString() {
    return "MonolithLocationFilter";
  }
}
