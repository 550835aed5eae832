package dev.strangler.proxy.routing;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.web.server.ServerWebExchange;

/**
 * Tells proxied traffic from requests to the management port. Boot applies the application's web
 * filters to the management server's requests too; routing, timing and logging those as if they
 * were client traffic would be wrong (and would count every Prometheus scrape as a request).
 */
public final class PublicTraffic {

  private static final String MANAGEMENT = "management";

  private PublicTraffic() {}

  /** Whether the exchange arrived on the management server rather than the public port. */
  public static boolean isManagement(ServerWebExchange exchange) {
    return MANAGEMENT.equals(
        WebServerApplicationContext.getServerNamespace(exchange.getApplicationContext()));
  }
}
