package dev.strangler.demo.monolith.socket;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;

/** A plain WebSocket endpoint (no STOMP, no SockJS), as legacy apps often have one. */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class EchoSocketConfiguration implements WebSocketConfigurer {

  static final String PATH = "/ws/echo";

  @Override
  public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
    registry.addHandler(new EchoSocketHandler(), PATH);
  }
}
