package dev.strangler.demo.monolith;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;

/** Spring MVC defaults the proxy relies on: HEAD, OPTIONS and problem+json for every /api error. */
class HttpSemanticsTests extends HttpTestSupport {

  @Test
  void headOnGetEndpointHasHeadersButNoBody() {
    var get = get("/api/products/1");
    var head =
        send(
            request("/api/products/1").method("HEAD", HttpRequest.BodyPublishers.noBody()).build());

    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.body()).isEmpty();
    assertThat(header(head, "Content-Type")).isEqualTo(header(get, "Content-Type"));
    assertThat(header(head, "Content-Length")).isEqualTo(String.valueOf(get.body().length()));
  }

  @Test
  void optionsListsAllowedMethods() {
    var response =
        send(
            request("/api/products")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .build());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(header(response, "Allow")).contains("GET").contains("HEAD").contains("OPTIONS");
  }

  @Test
  void unknownApiPathIsProblemJson() {
    assertProblem(get("/api/no-such-thing"), 404);
  }

  @Test
  void unsupportedMethodIsProblemJsonWithAllow() {
    var response =
        send(
            request("/api/products/1")
                .method("DELETE", HttpRequest.BodyPublishers.noBody())
                .build());

    assertProblem(response, 405);
    assertThat(header(response, "Allow")).contains("GET");
  }

  @Test
  void containerLevelErrorsUnderApiAreProblemJsonToo() {
    // Tomcat refuses TRACE itself; the error page still renders as problem+json.
    var response =
        send(
            request("/api/debug/request")
                .method("TRACE", HttpRequest.BodyPublishers.noBody())
                .build());

    assertProblem(response, 405);
  }
}
