package dev.strangler.proxy.edge.framing;

import dev.strangler.proxy.config.StranglerProperties;
import dev.strangler.proxy.forwarding.TrustedProxies;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.netty.NettyPipeline;

/** Strict request framing on the servers' connections, before any filter sees a request. */
@Configuration(proxyBeanMethods = false)
class FramingConfiguration {

  @Bean
  NettyServerCustomizer requestFramingCustomizer(
      FramingProperties framing, StranglerProperties properties) {
    TrustedProxies trusted = TrustedProxies.of(properties.forwarding().trustedProxies());
    return server ->
        server.doOnChannelInit(
            (observer, channel, remoteAddress) -> {
              // HTTP/1.1 connections only: the handler reads what the HTTP/1.1 decoder produces.
              if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
                channel
                    .pipeline()
                    .addAfter(
                        NettyPipeline.HttpCodec,
                        "strangler.requestFraming",
                        new RequestFramingHandler(framing, trusted));
              }
            });
  }

  @Bean
  MalformedBodyExceptionHandler malformedBodyExceptionHandler() {
    return new MalformedBodyExceptionHandler();
  }
}
