package dev.strangler.proxy.edge.limits;

import dev.strangler.proxy.config.StranglerProperties;
import dev.strangler.proxy.forwarding.TrustedProxies;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.reactor.netty.NettyReactiveWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The public port's timeouts and connection caps (docs/timeouts-and-limits.md).
 *
 * <p>Installed through a {@link WebServerFactoryCustomizer}, which Boot applies to the main
 * context's server only: the management server's child context does not look up its parent's
 * customizers (a {@code NettyServerCustomizer} bean, in contrast, would reach it as well). The
 * management port gets the same timeouts, but no connection cap, from {@link
 * ManagementPortDeadlines}.
 */
@Configuration(proxyBeanMethods = false)
class EdgeLimitsConfiguration {

  private static final Logger log = LoggerFactory.getLogger(EdgeLimitsConfiguration.class);

  @Bean
  ConnectionLimits publicConnectionLimits(
      ServerLimitsProperties settings, StranglerProperties strangler, MeterRegistry meters) {
    ConnectionCaps caps =
        ConnectionCaps.of(
            settings.maxConnections(),
            settings.maxConnectionsPerClient(),
            FileDescriptorBudget.ofThisProcess(),
            strangler.lambda().maxConnections());
    caps.lowered().ifPresent(log::warn);
    TrustedProxies trusted = TrustedProxies.of(strangler.forwarding().trustedProxies());
    ConnectionLimits limits = new ConnectionLimits(caps.total(), caps.perClient(), trusted::trusts);
    Gauge.builder("strangler.connections.open", limits, ConnectionLimits::open)
        .description("Connections open on the public port")
        .register(meters);
    Gauge.builder("strangler.connections.max", limits, ConnectionLimits::maxTotal)
        .description("The most connections the public port holds (after the descriptor limit)")
        .register(meters);
    return limits;
  }

  @Bean
  WebServerFactoryCustomizer<NettyReactiveWebServerFactory> publicPortLimits(
      ServerLimitsProperties settings, ConnectionLimits limits, MeterRegistry meters) {
    Map<ConnectionLimits.Admission, Counter> refusals =
        new EnumMap<>(ConnectionLimits.Admission.class);
    for (ConnectionLimits.Admission reason : ConnectionLimits.Admission.values()) {
      if (reason != ConnectionLimits.Admission.ADMITTED) {
        refusals.put(
            reason,
            Counter.builder("strangler.connections.refused")
                .description("Connections answered 503 and closed at once, by the cap they hit")
                .tag(
                    "reason",
                    reason == ConnectionLimits.Admission.OVER_TOTAL
                        ? "max_connections"
                        : "max_connections_per_client")
                .register(meters));
      }
    }
    ConnectionGate.Shared gates =
        new ConnectionGate.Shared(
            limits, new AtomicInteger(), reason -> refusals.get(reason).increment());
    ConnectionDeadlines.TimeoutCounter timeouts = timeoutCounter(meters, "public");
    ServerLimitsProperties.Timeouts durations = settings.timeouts();
    return factory ->
        factory.addServerCustomizers(
            server ->
                server.doOnChannelInit(
                    (observer, channel, remoteAddress) -> {
                      ConnectionGate.install(channel.pipeline(), gates);
                      ConnectionDeadlines.install(channel.pipeline(), durations, timeouts);
                    }));
  }

  /** A request whose body the client did not finish ends in one debug line, not a server error. */
  @Bean
  AbortedBodyFilter abortedBodyFilter() {
    return new AbortedBodyFilter();
  }

  /** A counter per timeout, tagged with the port it closed connections on. */
  static ConnectionDeadlines.TimeoutCounter timeoutCounter(MeterRegistry meters, String port) {
    Map<ConnectionClock.Timeout, Counter> counters = new EnumMap<>(ConnectionClock.Timeout.class);
    for (ConnectionClock.Timeout timeout : ConnectionClock.Timeout.values()) {
      counters.put(
          timeout,
          Counter.builder("strangler.connections.timed.out")
              .description("Connections closed because a client was too slow or idle too long")
              .tag("timeout", timeout.name().toLowerCase(java.util.Locale.ROOT))
              .tag("port", port)
              .register(meters));
    }
    return timeout -> counters.get(timeout).increment();
  }
}
