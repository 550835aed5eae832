package dev.strangler.proxy.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.strangler.proxy.support.Echo;
import dev.strangler.proxy.support.Monolith;
import dev.strangler.proxy.support.Proxy;
import dev.strangler.proxy.support.RawHttp;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** With an OTLP endpoint set by Spring Boot's standard property, the proxy's spans are exported. */
class OtlpExportIntegrationTest {

  private static OtlpCollector collector;
  private static Proxy proxy;

  @BeforeAll
  static void start() {
    collector = new OtlpCollector();
    proxy =
        Proxy.start(
            Monolith.shared().url(),
            Map.of(
                "management.opentelemetry.tracing.export.otlp.endpoint",
                collector.tracesEndpoint().toString(),
                "management.opentelemetry.tracing.export.schedule-delay",
                "50ms"));
  }

  @AfterAll
  static void stop() {
    proxy.close();
    collector.close();
  }

  @Test
  void exportsTheSpanOfASampledRequestToTheCollector() throws Exception {
    String traceId = "5b8efff798038103d269b633813fc60c";

    Echo seen =
        Echo.of(
            RawHttp.get(
                proxy.url(),
                "/api/debug/request",
                "traceparent: 00-" + traceId + "-eee19b7ec3c1b174-01"));

    assertThat(TraceParent.parse(seen.header("traceparent").get(0)).traceId()).isEqualTo(traceId);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> collector.exports().stream().anyMatch(e -> e.contains(traceId)));
    assertThat(collector.exports())
        .filteredOn(e -> e.contains(traceId))
        .allSatisfy(
            e -> {
              assertThat(e.path()).isEqualTo("/v1/traces");
              assertThat(e.contentType()).isEqualTo("application/x-protobuf");
            });
  }
}
