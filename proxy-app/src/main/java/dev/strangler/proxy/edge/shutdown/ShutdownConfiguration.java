package dev.strangler.proxy.edge.shutdown;

import io.netty.channel.ChannelPipeline;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.reactor.netty.NettyReactiveWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.netty.NettyPipeline;

/**
 * The drain on shutdown, for the public server only: the management server is not customised here
 * (its child context copies only Boot's own customizers), so that it answers readiness probes with
 * 503 throughout the drain.
 */
@Configuration(proxyBeanMethods = false)
class ShutdownConfiguration {

  static final String HANDLER_NAME = "strangler.drain";

  @Bean
  DrainingConnections drainingConnections() {
    return new DrainingConnections();
  }

  @Bean
  ListenerDrain listenerDrain(
      DrainingConnections connections,
      @Value("${spring.lifecycle.timeout-per-shutdown-phase:30s}") Duration timeout) {
    return new ListenerDrain(connections, timeout);
  }

  @Bean
  WebServerFactoryCustomizer<NettyReactiveWebServerFactory> drainOnShutdown(
      DrainingConnections connections, ListenerDrain drain) {
    return factory ->
        factory.addServerCustomizers(
            server ->
                server
                    .doOnBound(drain::bound)
                    .doOnChannelInit(
                        (observer, channel, remoteAddress) ->
                            addDrainHandler(channel.pipeline(), connections)));
  }

  /**
   * After Reactor Netty's HTTP/1.1 traffic handler, so that the {@code Connection: close} this
   * handler sets is what that handler sees and acts on. HTTP/2 connections have no such handler and
   * are not counted: the public port speaks HTTP/1.1 only (h2c upgrades are stripped).
   */
  static void addDrainHandler(ChannelPipeline pipeline, DrainingConnections connections) {
    if (pipeline.get(NettyPipeline.HttpTrafficHandler) != null) {
      pipeline.addAfter(
          NettyPipeline.HttpTrafficHandler, HANDLER_NAME, new ConnectionDrainHandler(connections));
    }
  }
}
