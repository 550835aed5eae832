package dev.strangler.proxy.admin;

import dev.strangler.proxy.routing.Problems;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.function.server.support.RouterFunctionMapping;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /actuator/explain}: the batch form of explain, in the management server's own context
 * (listed, like {@link ManagementPortSecurity}, in the management context imports). The actuator's
 * own handler reads a write operation's body as a map of strings only, so an array of requests
 * needs a route of its own; it is looked up before the actuator's, and matches the POST alone (the
 * GET form stays the actuator's). Sign-in and roles are {@link ManagementPortSecurity}'s.
 *
 * <p>Reading, deciding and writing run on the bounded-elastic scheduler: ten thousand explanations
 * are tens of milliseconds of work that must not hold an event loop the public port shares.
 */
public class ExplainBatchRoute {

  /** Room for {@link ExplainBatch#MAX_REQUESTS} requests of about 400 bytes each. */
  static final int MAX_BODY_BYTES = 4 * 1024 * 1024;

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Bean
  RouterFunctionMapping explainBatchMapping(Explainer explainer, WebEndpointProperties endpoints) {
    RouterFunctionMapping mapping =
        new RouterFunctionMapping(
            RouterFunctions.route(
                RequestPredicates.POST(endpoints.getBasePath() + "/explain"),
                request -> explainAll(explainer, request)));
    mapping.setOrder(Ordered.HIGHEST_PRECEDENCE); // before the actuator's, which answers 405
    return mapping;
  }

  private static Mono<ServerResponse> explainAll(Explainer explainer, ServerRequest request) {
    return DataBufferUtils.join(request.body(BodyExtractors.toDataBuffers()), MAX_BODY_BYTES)
        .defaultIfEmpty(request.exchange().getResponse().bufferFactory().wrap(new byte[0]))
        .publishOn(Schedulers.boundedElastic())
        .flatMap(body -> answer(explainer, body))
        .onErrorResume(
            DataBufferLimitException.class,
            e ->
                problem(
                    HttpStatus.CONTENT_TOO_LARGE,
                    "Explain batch too large",
                    "The body is over "
                        + MAX_BODY_BYTES
                        + " bytes; send at most "
                        + ExplainBatch.MAX_REQUESTS
                        + " requests per call, and split larger batches."));
  }

  private static Mono<ServerResponse> answer(Explainer explainer, DataBuffer body) {
    List<ExplainBatch.Request> batch;
    try (InputStream in = body.asInputStream(true)) {
      if (body.readableByteCount() == 0) {
        throw new IllegalArgumentException("the body is empty; send {\"requests\": [...]}");
      }
      batch = ExplainBatch.parse(JSON.readValue(in, Object.class));
    } catch (JacksonException e) {
      return problem(
          HttpStatus.BAD_REQUEST,
          "Explain batch not JSON",
          "The body is not JSON: " + e.getOriginalMessage());
    } catch (IllegalArgumentException e) {
      return problem(HttpStatus.BAD_REQUEST, "Bad explain batch", e.getMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    byte[] answer = JSON.writeValueAsBytes(explainer.explainAll(batch));
    return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(answer);
  }

  private static Mono<ServerResponse> problem(HttpStatus status, String title, String detail) {
    String body =
        "{\"type\":\"about:blank\",\"title\":"
            + Problems.json(title)
            + ",\"status\":"
            + status.value()
            + ",\"detail\":"
            + Problems.json(detail)
            + "}";
    return ServerResponse.status(status)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .bodyValue(body);
  }
}
