package dev.strangler.proxy.support;

import dev.strangler.proxy.lambda.LambdaBackend;
import dev.strangler.proxy.lambda.LambdaResult;
import dev.strangler.rules.routing.Decision;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import reactor.core.publisher.Mono;

/**
 * Stands in for the Lambda backend until it exists (tests only): answers 200 and says which rule,
 * function and bucket served the request, and the path it was given.
 */
@TestConfiguration(proxyBeanMethods = false)
public class LambdaTestDouble {

  public static final String SERVED_BY = "X-Test-Served-By";
  public static final String RULE = "X-Test-Rule";
  public static final String FUNCTION = "X-Test-Function";

  @Bean
  @Primary
  LambdaBackend testDoubleLambdaBackend() {
    return (exchange, routed, decision) -> {
      ServerHttpResponse response = exchange.getResponse();
      response.setStatusCode(HttpStatus.OK);
      response.getHeaders().setContentType(MediaType.TEXT_PLAIN);
      response.getHeaders().set(SERVED_BY, "lambda");
      response.getHeaders().set(RULE, decision.rule().id());
      response.getHeaders().set(FUNCTION, decision.rule().lambda().function());
      byte[] body = describe(decision).getBytes(StandardCharsets.UTF_8);
      return response
          .writeWith(Mono.just(response.bufferFactory().wrap(body)))
          .thenReturn(new LambdaResult.Answered());
    };
  }

  private static String describe(Decision.ToLambda decision) {
    return decision.forwardPath()
        + " "
        + decision.pathParameters()
        + " bucket="
        + decision.bucket();
  }
}
