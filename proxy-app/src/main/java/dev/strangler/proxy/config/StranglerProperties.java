package dev.strangler.proxy.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Everything a user configures under {@code strangler.*}.
 *
 * @param monolith the application the proxy stands in front of
 * @param forwarding how the proxy tells the monolith who the client is
 */
@Validated
@ConfigurationProperties("strangler")
public record StranglerProperties(
    @Valid @DefaultValue Monolith monolith, @Valid @DefaultValue Forwarding forwarding) {

  /**
   * The legacy application.
   *
   * @param url base URL of the monolith, e.g. {@code http://127.0.0.1:8081}; every request that no
   *     rule claims is sent there with its path and query unchanged
   */
  public record Monolith(
      @NotNull(message = "is required, e.g. http://127.0.0.1:8081") @HttpOrigin URI url) {}

  /**
   * Forwarding headers ({@code X-Forwarded-*} and {@code Forwarded}).
   *
   * @param trustedProxies addresses or CIDR ranges of proxies in front of this one (load balancers,
   *     ingress); forwarding headers that arrive from anyone else are discarded and replaced
   */
  public record Forwarding(@DefaultValue List<@IpRange String> trustedProxies) {
    public Forwarding {
      trustedProxies = List.copyOf(trustedProxies);
    }
  }
}
