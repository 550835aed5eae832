package dev.strangler.proxy.trace;

import static dev.strangler.proxy.trace.TracePropagationIntegrationTest.CLIENT_SPAN_ID;
import static dev.strangler.proxy.trace.TracePropagationIntegrationTest.CLIENT_TRACE_ID;
import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.proxy.support.Echo;
import dev.strangler.proxy.support.Monolith;
import dev.strangler.proxy.support.Proxy;
import dev.strangler.proxy.support.RawHttp;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * With Spring's HTTP server observation switched off (no {@code http.server.requests} timer, e.g.
 * for throughput), the proxy opens its own server span, and the trace goes on all the same.
 */
class TraceWithoutServerObservationIntegrationTest {

  private static Proxy proxy;

  @BeforeAll
  static void start() {
    proxy =
        Proxy.start(
            Monolith.shared().url(),
            Map.of("management.observations.enable.http.server.requests", "false"));
  }

  @AfterAll
  static void stop() {
    proxy.close();
  }

  @Test
  void continuesTheClientTraceWithItsOwnSpan() throws Exception {
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
    assertThat(
            RawHttp.get(
                    proxy.management(),
                    "/actuator/prometheus",
                    "Authorization: " + Proxy.VIEWER_AUTHORIZATION)
                .bodyText())
        .as("the server observation is off")
        .contains("strangler_requests_seconds_count")
        .doesNotContain("http_server_requests");
  }

  @Test
  void startsATraceWithItsOwnSpan() throws Exception {
    Echo seen = Echo.of(RawHttp.get(proxy.url(), "/api/debug/request"));

    TraceParent.parse(seen.header("traceparent").get(0));
  }
}
