package dev.strangler.proxy.accesslog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.proxy.accesslog.AccessLogProperties.Format;
import dev.strangler.proxy.observe.CompletedRequest;
import dev.strangler.proxy.observe.ServedBy;
import dev.strangler.proxy.routing.FallbackReason;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class AccessLogLineTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Instant START = Instant.parse("2026-03-01T12:34:56.789123Z");

  private static CompletedRequest request(String requestId, String path, Duration latency) {
    return new CompletedRequest(
        START,
        requestId,
        "4bf92f3577b34da6a3ce929d0e0e4736",
        "GET",
        path,
        "product-reads",
        ServedBy.MONOLITH,
        "canary",
        1234,
        FallbackReason.THROTTLED,
        "shop-get-products",
        200,
        512,
        latency);
  }

  private static CompletedRequest unrouted() {
    return new CompletedRequest(
        START,
        "r-1",
        null,
        "POST",
        "/x",
        CompletedRequest.NO_RULE,
        ServedBy.MONOLITH,
        "no_match",
        -1,
        null,
        null,
        0,
        0,
        Duration.ZERO);
  }

  @Test
  void jsonLineHasEveryField() {
    String line =
        AccessLogLine.of(Format.JSON)
            .format(request("r-1", "/api/products/7", Duration.ofNanos(12_345_678)));

    assertThat(line)
        .isEqualTo(
            "{\"time\":\"2026-03-01T12:34:56.789Z\",\"requestId\":\"r-1\","
                + "\"traceId\":\"4bf92f3577b34da6a3ce929d0e0e4736\",\"method\":\"GET\","
                + "\"path\":\"/api/products/7\",\"route\":\"product-reads\",\"reason\":\"canary\","
                + "\"bucket\":1234,\"fallback\":\"throttled\",\"backend\":\"monolith\","
                + "\"function\":\"shop-get-products\",\"status\":200,\"bytes\":512,"
                + "\"latencyMs\":12.346}");
  }

  @Test
  void jsonLineWritesAbsentValuesAsNull() {
    JsonNode line = JSON.readTree(AccessLogLine.of(Format.JSON).format(unrouted()));

    assertThat(line.get("traceId").isNull()).isTrue();
    assertThat(line.get("bucket").isNull()).isTrue();
    assertThat(line.get("fallback").isNull()).isTrue();
    assertThat(line.get("function").isNull()).isTrue();
    assertThat(line.get("status").isNull()).as("no status: the client left").isTrue();
    assertThat(line.get("latencyMs").decimalValue()).isEqualByComparingTo("0");
  }

  @Test
  void timeIsUtcWithMillisecondsWhateverTheSecond() {
    AccessLogLine json = AccessLogLine.of(Format.JSON);
    String[] times = {
      "2026-03-01T12:34:56.000Z",
      "2026-03-01T12:34:56.007Z",
      "2026-03-01T12:34:57.070Z",
      "1999-12-31T23:59:59.999Z",
      "2026-03-01T12:34:56.700Z"
    };
    for (String time : times) {
      CompletedRequest at =
          new CompletedRequest(
              Instant.parse(time),
              "r",
              null,
              "GET",
              "/",
              CompletedRequest.NO_RULE,
              ServedBy.MONOLITH,
              "no_match",
              -1,
              null,
              null,
              200,
              0,
              Duration.ZERO);
      assertThat(JSON.readTree(json.format(at)).get("time").asString()).isEqualTo(time);
    }
  }

  @Test
  void latencyKeepsMicroseconds() {
    AccessLogLine json = AccessLogLine.of(Format.JSON);

    assertThat(json.format(request("r", "/", Duration.ofNanos(4_500))))
        .contains("\"latencyMs\":0.005}");
    assertThat(json.format(request("r", "/", Duration.ofNanos(1_050_000))))
        .contains("\"latencyMs\":1.050}");
    assertThat(json.format(request("r", "/", Duration.ofSeconds(3))))
        .contains("\"latencyMs\":3000.000}");
  }

  @Test
  void jsonLineEscapesLineBreaksAndEverythingBeyondAscii() {
    String id = "a\r\n{\"forged\":true}\u2028\u0085é";
    String path = "/p\n\"q\"\\";

    String line = AccessLogLine.of(Format.JSON).format(request(id, path, Duration.ZERO));

    assertThat(line.chars()).allMatch(c -> c >= 0x20 && c <= 0x7e);
    JsonNode parsed = JSON.readTree(line);
    assertThat(parsed.get("requestId").asString()).isEqualTo(id);
    assertThat(parsed.get("path").asString()).isEqualTo(path);
  }

  @Test
  void textLineHasTheSameFields() {
    String line =
        AccessLogLine.of(Format.TEXT)
            .format(request("r-1", "/api/products/7", Duration.ofNanos(12_345_678)));

    assertThat(line)
        .isEqualTo(
            "time=2026-03-01T12:34:56.789Z requestId=r-1"
                + " traceId=4bf92f3577b34da6a3ce929d0e0e4736 method=GET path=/api/products/7"
                + " route=product-reads reason=canary bucket=1234 fallback=throttled"
                + " backend=monolith function=shop-get-products status=200 bytes=512"
                + " latencyMs=12.346");
  }

  @Test
  void textLineMarksAbsentValues() {
    assertThat(AccessLogLine.of(Format.TEXT).format(unrouted()))
        .contains(" traceId=- ", " bucket=- fallback=- ", " function=- status=- ");
  }

  @Test
  void textLineQuotesAndEscapes() {
    String line =
        AccessLogLine.of(Format.TEXT).format(request("a\r\nb=c \"d\" \\ é", "-", Duration.ZERO));

    assertThat(line.chars()).allMatch(c -> c >= 0x20 && c <= 0x7e);
    assertThat(line)
        .contains(" requestId=\"a\\u000d\\u000ab=c \\\"d\\\" \\\\ \\u00e9\" ")
        .contains(" path=\"-\" ");
  }
}
