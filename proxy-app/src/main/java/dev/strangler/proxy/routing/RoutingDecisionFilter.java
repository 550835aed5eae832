package dev.strangler.proxy.routing;

import dev.strangler.proxy.forwarding.ForwardedHeaders;
import dev.strangler.proxy.forwarding.ForwardedHeaders.Forwarding;
import dev.strangler.proxy.observe.RequestCompletionFilter;
import dev.strangler.proxy.rules.LoadedRules;
import dev.strangler.proxy.rules.RulesState;
import dev.strangler.rules.routing.Decision;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Decides each request once, before any route is chosen: who the client is, which rule set applies,
 * and which backend serves it. A path that cannot be read unambiguously is answered here with 400
 * and goes nowhere.
 */
final class RoutingDecisionFilter implements WebFilter, Ordered {

  private final RulesState rules;
  private final ForwardedHeaders forwardedHeaders;
  private final RoutingDecider decider;

  RoutingDecisionFilter(
      RulesState rules, ForwardedHeaders forwardedHeaders, RoutingDecider decider) {
    this.rules = rules;
    this.forwardedHeaders = forwardedHeaders;
    this.decider = decider;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    if (PublicTraffic.isManagement(exchange)) {
      return chain.filter(exchange);
    }
    ServerHttpRequest request = exchange.getRequest();
    HttpHeaders headers = request.getHeaders();
    Forwarding forwarding = forwardingOf(request, headers);
    LoadedRules current = rules.current(); // one rule set for the whole request
    RoutingDecider.Outcome outcome =
        decider.decide(
            current,
            request.getMethod().name(),
            request.getURI().getRawPath(),
            headers::getFirst,
            forwarding.clientIp());
    Decision decision = outcome.decision();
    if (outcome.overrideReason() != null) {
      exchange
          .getAttributes()
          .put(RequestCompletionFilter.REASON_ATTRIBUTE, outcome.overrideReason());
    }
    new RoutedRequest(forwarding, current, decision, RequestIds.of(request)).attachTo(exchange);
    if (decision instanceof Decision.Rejected rejected) {
      return Problems.write(
          exchange, HttpStatus.BAD_REQUEST, "Ambiguous request path", rejected.detail());
    }
    return chain.filter(exchange);
  }

  private Forwarding forwardingOf(ServerHttpRequest request, HttpHeaders headers) {
    String scheme = request.getSslInfo() != null ? "https" : "http";
    return forwardedHeaders.forRequest(
        request.getRemoteAddress(),
        scheme,
        headers.getFirst(HttpHeaders.HOST),
        name -> {
          List<String> values = headers.get(name);
          return values == null ? List.of() : values;
        });
  }

  @Override
  public int getOrder() {
    // Before anything else looks at the request, so every later step sees the same decision.
    return Ordered.HIGHEST_PRECEDENCE + 10;
  }

  @Override
  public String toString() {
    return "RoutingDecisionFilter[" + decider + "]";
  }
}
