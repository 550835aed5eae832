package dev.strangler.proxy.trace;

import static dev.strangler.proxy.support.InvokeApiServer.functionError;
import static dev.strangler.proxy.support.InvokeApiServer.returning;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.strangler.proxy.support.Echo;
import dev.strangler.proxy.support.InvokeApiServer;
import dev.strangler.proxy.support.InvokeApiServer.Invocation;
import dev.strangler.proxy.support.Monolith;
import dev.strangler.proxy.support.Proxy;
import dev.strangler.proxy.support.RawHttp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.SpanExporters;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.util.ClassUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The proxy is one hop of the client's trace: the monolith, the function's event and a fallback's
 * replay all receive a {@code traceparent} of the client's trace whose parent is the proxy's span.
 */
@ExtendWith(OutputCaptureExtension.class)
class TracePropagationIntegrationTest {

  static final String CLIENT_TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  static final String CLIENT_SPAN_ID = "00f067aa0ba902b7";

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String RULES =
      """
      version: 1
      routes:
        - id: traced-function
          match: { methods: [GET], paths: ["/traced/{id}"] }
          lambda: { function: answering }
          canary: { percent: 100 }
        - id: crashing-debug
          match: { methods: [GET], paths: [/api/debug/request] }
          lambda: { function: crashing }
          canary: { percent: 0 }
      """;

  @TempDir static Path dir;
  private static InvokeApiServer lambda;
  private static Proxy proxy;

  @BeforeAll
  static void start() throws Exception {
    lambda =
        new InvokeApiServer()
            .answer("answering", returning("{\"statusCode\":200,\"body\":\"from lambda\"}"))
            .answer("crashing", functionError("Unhandled", "java.lang.IllegalStateException", "x"));
    Path rules = Files.writeString(dir.resolve("routes.yaml"), RULES);
    proxy =
        Proxy.start(
            Monolith.shared().url(),
            Map.of(
                "strangler.rules.file",
                rules.toString(),
                "strangler.lambda.endpoint",
                lambda.url().toString(),
                "strangler.canary.override-header",
                "X-Canary-Override",
                "strangler.backend-header",
                "X-Strangler-Backend"));
  }

  @AfterAll
  static void stop() {
    proxy.close();
    lambda.close();
  }

  @Test
  void monolithReceivesClientTraceWithProxySpanAsParent() throws Exception {
    Echo seen =
        Echo.of(
            RawHttp.get(
                proxy.url(),
                "/api/debug/request",
                "traceparent: 00-" + CLIENT_TRACE_ID + "-" + CLIENT_SPAN_ID + "-01",
                "tracestate: congo=t61rcWkgMzE,rojo=00f067aa0ba902b7",
                "baggage: tenant=acme"));

    assertThat(seen.header("traceparent")).hasSize(1);
    TraceParent upstream = TraceParent.parse(seen.header("traceparent").get(0));
    assertThat(upstream.traceId()).isEqualTo(CLIENT_TRACE_ID);
    assertThat(upstream.parentId()).isNotEqualTo(CLIENT_SPAN_ID);
    assertThat(upstream.sampled()).isTrue();
    assertThat(seen.header("tracestate"))
        .containsExactly("congo=t61rcWkgMzE,rojo=00f067aa0ba902b7");
    assertThat(seen.header("baggage")).containsExactly("tenant=acme");
  }

  @Test
  void unsampledClientTraceIsStillPropagated() throws Exception {
    Echo seen =
        Echo.of(
            RawHttp.get(
                proxy.url(),
                "/api/debug/request",
                "traceparent: 00-" + CLIENT_TRACE_ID + "-" + CLIENT_SPAN_ID + "-00"));

    TraceParent upstream = TraceParent.parse(seen.header("traceparent").get(0));
    assertThat(upstream.traceId()).isEqualTo(CLIENT_TRACE_ID);
    assertThat(upstream.parentId()).isNotEqualTo(CLIENT_SPAN_ID);
    assertThat(upstream.sampled()).isFalse();
  }

  @Test
  void requestWithoutTraceparentStartsANewTrace() throws Exception {
    TraceParent first =
        TraceParent.parse(
            Echo.of(RawHttp.get(proxy.url(), "/api/debug/request")).header("traceparent").get(0));
    TraceParent second =
        TraceParent.parse(
            Echo.of(RawHttp.get(proxy.url(), "/api/debug/request")).header("traceparent").get(0));

    assertThat(second.traceId()).isNotEqualTo(first.traceId());
  }

  @Test
  void invalidTraceparentIsReplacedByANewTrace() throws Exception {
    Echo seen =
        Echo.of(
            RawHttp.get(
                proxy.url(), "/api/debug/request", "traceparent: 00-not-a-trace-01", "b3: 1-2-3"));

    assertThat(seen.header("traceparent")).hasSize(1);
    TraceParent.parse(seen.header("traceparent").get(0));
    assertThat(seen.headerNames()).doesNotContain("b3");
  }

  @Test
  void functionEventCarriesClientTraceWithProxySpanAsParent() throws Exception {
    RawHttp.Response response =
        RawHttp.get(
            proxy.url(),
            "/traced/42",
            "traceparent: 00-" + CLIENT_TRACE_ID + "-" + CLIENT_SPAN_ID + "-01",
            "X-Request-Id: traced-function-event");

    assertThat(response.bodyText()).isEqualTo("from lambda");
    JsonNode headers = eventOf("traced-function-event").get("headers");
    TraceParent event = TraceParent.parse(headers.get("traceparent").asString());
    assertThat(event.traceId()).isEqualTo(CLIENT_TRACE_ID);
    assertThat(event.parentId()).isNotEqualTo(CLIENT_SPAN_ID);
    assertThat(event.sampled()).isTrue();
  }

  @Test
  void fallbackReplayCarriesTheSameTraceAsTheFunctionEvent() throws Exception {
    RawHttp.Response response =
        RawHttp.get(
            proxy.url(),
            "/api/debug/request",
            "traceparent: 00-" + CLIENT_TRACE_ID + "-" + CLIENT_SPAN_ID + "-01",
            "X-Request-Id: traced-fallback",
            "X-Canary-Override: lambda");

    assertThat(response.first("X-Strangler-Backend"))
        .hasValueSatisfying(v -> assertThat(v).endsWith("fallback=function_error"));
    TraceParent replayed = TraceParent.parse(Echo.of(response).header("traceparent").get(0));
    TraceParent event =
        TraceParent.parse(eventOf("traced-fallback").get("headers").get("traceparent").asString());
    assertThat(replayed.traceId()).isEqualTo(CLIENT_TRACE_ID);
    assertThat(replayed.parentId()).isNotEqualTo(CLIENT_SPAN_ID);
    assertThat(replayed).as("one proxy span, both hops").isEqualTo(event);
  }

  @Test
  void exportsNothingWithoutAnOtlpEndpoint(CapturedOutput output) throws Exception {
    for (int i = 0; i < 20; i++) {
      Echo.of(
          RawHttp.get(
              proxy.url(),
              "/api/debug/request",
              "traceparent: 00-" + CLIENT_TRACE_ID + "-" + CLIENT_SPAN_ID + "-01"));
    }

    assertThat(proxy.bean(SpanExporters.class).list()).as("span exporters").isEmpty();
    assertThatExceptionOfType(NoSuchBeanDefinitionException.class)
        .isThrownBy(
            () -> proxy.bean(io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter.class));
    assertThatExceptionOfType(NoSuchBeanDefinitionException.class)
        .isThrownBy(
            () ->
                proxy.bean(
                    io.opentelemetry.exporter.otlp.http.logs.OtlpHttpLogRecordExporter.class));
    assertThat(ClassUtils.isPresent("io.micrometer.registry.otlp.OtlpMeterRegistry", null))
        .as("an OTLP metrics registry, which would push to localhost:4318 by default")
        .isFalse();
    assertThat(output.getAll())
        .doesNotContain("Failed to export", "4318")
        .doesNotContainIgnoringCase("otlp");
  }

  /** The event the function received for the request with this {@code X-Request-Id}. */
  private static JsonNode eventOf(String requestId) {
    List<JsonNode> events =
        lambda.received().stream()
            .map(Invocation::payloadText)
            .map(JSON::readTree)
            .filter(e -> requestId.equals(e.get("requestContext").get("requestId").asString()))
            .toList();
    assertThat(events).as("events of request %s", requestId).hasSize(1);
    return events.get(0);
  }
}
