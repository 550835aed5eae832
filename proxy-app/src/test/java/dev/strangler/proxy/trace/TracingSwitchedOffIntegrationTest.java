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
 * With Spring Boot's switch for tracing export and propagation off, the proxy is no hop of the
 * trace: the client's trace context headers reach the monolith as they were sent.
 */
class TracingSwitchedOffIntegrationTest {

  private static Proxy proxy;

  @BeforeAll
  static void start() {
    proxy =
        Proxy.start(Monolith.shared().url(), Map.of("management.tracing.export.enabled", "false"));
  }

  @AfterAll
  static void stop() {
    proxy.close();
  }

  @Test
  void clientTraceContextPassesUnchanged() throws Exception {
    String traceparent = "00-" + CLIENT_TRACE_ID + "-" + CLIENT_SPAN_ID + "-01";

    Echo seen =
        Echo.of(
            RawHttp.get(
                proxy.url(),
                "/api/debug/request",
                "traceparent: " + traceparent,
                "tracestate: congo=t61rcWkgMzE"));

    assertThat(seen.header("traceparent")).containsExactly(traceparent);
    assertThat(seen.header("tracestate")).containsExactly("congo=t61rcWkgMzE");
  }

  @Test
  void noTraceContextIsMadeUp() throws Exception {
    Echo seen = Echo.of(RawHttp.get(proxy.url(), "/api/debug/request"));

    assertThat(seen.headerNames()).doesNotContain("traceparent", "tracestate");
  }
}
