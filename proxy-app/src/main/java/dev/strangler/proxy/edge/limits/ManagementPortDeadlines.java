package dev.strangler.proxy.edge.limits;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.reactor.netty.NettyReactiveWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * The public port's timeouts on the management port too, so that a probe or a scraper that stalls
 * cannot hold it either; its connections are not counted against the public port's cap (an
 * overloaded public port must never hide the probes and the metrics that show it).
 *
 * <p>Listed in {@code
 * META-INF/spring/org.springframework.boot.actuate.autoconfigure.web.ManagementContextConfiguration.imports},
 * so it lives in the management server's child context only, and deliberately carries no
 * {@code @Configuration}: component scanning would put it in the main context as well.
 */
public class ManagementPortDeadlines {

  @Bean
  WebServerFactoryCustomizer<NettyReactiveWebServerFactory> managementPortDeadlines(
      ServerLimitsProperties settings, MeterRegistry meters) {
    ConnectionDeadlines.TimeoutCounter counter =
        EdgeLimitsConfiguration.timeoutCounter(meters, "management");
    ServerLimitsProperties.Timeouts timeouts = settings.timeouts();
    return factory ->
        factory.addServerCustomizers(
            server ->
                server.doOnChannelInit(
                    (observer, channel, remoteAddress) ->
                        ConnectionDeadlines.install(channel.pipeline(), timeouts, counter)));
  }
}
