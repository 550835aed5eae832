package dev.strangler.proxy.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

class ExplainBatchTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void readsEachRequestInOrder() {
    List<ExplainBatch.Request> batch =
        parse(
            """
            {"requests": [
              {"method": "GET", "path": "/api/products/1", "headers": {"X-User-Id": "k1", "Cookie": "a=1, b=2"}},
              {"method": "post", "path": "/api/orders", "clientIp": "10.0.0.7"},
              {"method": "GET", "path": "/x", "headers": {"X-User-Id": ""}}
            ]}
            """);

    assertThat(batch)
        .containsExactly(
            new ExplainBatch.Request(
                "GET",
                "/api/products/1",
                new HeaderLines(List.of("X-User-Id:k1", "Cookie:a=1, b=2")),
                null),
            new ExplainBatch.Request("post", "/api/orders", HeaderLines.NONE, "10.0.0.7"),
            new ExplainBatch.Request("GET", "/x", new HeaderLines(List.of("X-User-Id:")), null));
  }

  static Stream<Arguments> unusableBodies() {
    return Stream.of(
        Arguments.of("[]", "the body must be a JSON object"),
        Arguments.of("{\"requests\": [], \"more\": 1}", "the body must be a JSON object"),
        Arguments.of("{\"requests\": \"a,b\"}", "requests: must be a JSON array"),
        Arguments.of("{\"requests\": [1]}", "requests[0]: must be an object"),
        Arguments.of(
            "{\"requests\": [{\"method\": \"GET\", \"path\": \"/x\"}, {\"path\": \"/x\"}]}",
            "requests[1].method: required"),
        Arguments.of(
            "{\"requests\": [{\"method\": \"GET\", \"path\": \" \"}]}",
            "requests[0].path: required"),
        Arguments.of(
            "{\"requests\": [{\"method\": \"GET\", \"path\": 7}]}",
            "requests[0].path: must be a string"),
        Arguments.of(
            "{\"requests\": [{\"method\": \"GET\", \"path\": \"/x\", \"header\": {}}]}",
            "requests[0]: unknown field 'header'"),
        Arguments.of(
            "{\"requests\": [{\"method\": \"GET\", \"path\": \"/x\", \"headers\": [\"a:b\"]}]}",
            "requests[0].headers: must be an object"),
        Arguments.of(
            "{\"requests\": [{\"method\": \"GET\", \"path\": \"/x\", \"headers\": {\"a:b\": \"c\"}}]}",
            "requests[0].headers: not a header name: 'a:b'"),
        Arguments.of(
            "{\"requests\": [{\"method\": \"GET\", \"path\": \"/x\", \"headers\": {\"a\": 1}}]}",
            "requests[0].headers.a: must be a string"),
        Arguments.of(
            "{\"requests\": [{\"method\": \"GET\", \"path\": \"/x\", \"clientIp\": []}]}",
            "requests[0].clientIp: must be a string"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("unusableBodies")
  void namesTheFirstUnusablePart(String body, String message) {
    assertThatThrownBy(() -> parse(body))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(message);
  }

  @Test
  void takesAtMostTenThousandRequestsPerCall() {
    Map<String, Object> one = Map.of("method", "GET", "path", "/x");

    assertThat(
            ExplainBatch.parse(
                Map.of("requests", Collections.nCopies(ExplainBatch.MAX_REQUESTS, one))))
        .hasSize(10_000);
    assertThatThrownBy(
            () ->
                ExplainBatch.parse(
                    Map.of("requests", Collections.nCopies(ExplainBatch.MAX_REQUESTS + 1, one))))
        .hasMessage(
            "requests: 10001 requests, but at most 10000 per call: split them over several calls");
  }

  private static List<ExplainBatch.Request> parse(String body) {
    return ExplainBatch.parse(JSON.readValue(body, Object.class));
  }
}
