package dev.strangler.proxy.edge.framing;

import dev.strangler.proxy.routing.Problems;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * Answers a request whose body turned malformed with 400 and closes the connection, whichever
 * backend was reading the body when it failed; nothing else may turn it into a 5xx or a retry.
 */
final class MalformedBodyExceptionHandler implements WebExceptionHandler, Ordered {

  @Override
  public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
    MalformedRequestBodyException malformed = find(failure);
    if (malformed == null) {
      return Mono.error(failure);
    }
    ServerHttpResponse response = exchange.getResponse();
    if (response.isCommitted()) {
      // The framing handler closes the connection: no status is left to send.
      return Mono.empty();
    }
    response.getHeaders().clear();
    response.getHeaders().set(HttpHeaders.CONNECTION, "close");
    return Problems.write(
        exchange,
        HttpStatus.BAD_REQUEST,
        "Malformed request body",
        "the chunked body is not valid HTTP/1.1 framing; nothing was forwarded as complete");
  }

  private static MalformedRequestBodyException find(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof MalformedRequestBodyException malformed) {
        return malformed;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }

  @Override
  public int getOrder() {
    // Before Boot's error handler (order -1), which would render it as a 500.
    return -2;
  }

  @Override
  public String toString() {
    return "MalformedBodyExceptionHandler";
  }
}
