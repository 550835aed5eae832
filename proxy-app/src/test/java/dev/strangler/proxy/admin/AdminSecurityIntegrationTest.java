package dev.strangler.proxy.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strangler.proxy.support.Proxy;
import dev.strangler.proxy.support.RawHttp;
import dev.strangler.proxy.support.RawHttp.Response;
import dev.strangler.proxy.support.ScriptedUpstream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.security.web.server.WebFilterChainProxy;

/**
 * Who may call what on the management port, and that the public port knows nothing of it: every
 * admin endpoint against no credentials, a wrong password, the viewer and the operator.
 */
class AdminSecurityIntegrationTest {

  private static final String WRONG = Proxy.basic(Proxy.VIEWER, "not-the-password");

  private static ScriptedUpstream upstream;
  private static Proxy proxy;

  @BeforeAll
  static void start() throws IOException {
    upstream =
        ScriptedUpstream.answering(
            "HTTP/1.1 200 OK\r\nContent-Length: 8\r\nX-Upstream: scripted\r\n\r\nupstream");
    proxy = Proxy.start(upstream.url(), Map.of());
  }

  @AfterAll
  static void stop() throws IOException {
    proxy.close();
    upstream.close();
  }

  @ParameterizedTest(name = "{0} {1}: anonymous {2}, wrong password {3}, viewer {4}, operator {5}")
  @CsvSource({
    "GET,    /actuator/migration,                        401, 401, 200, 200",
    "GET,    /actuator/explain?method=GET&path=/api/x,    401, 401, 200, 200",
    "POST,   /actuator/explain,                          401, 401, 200, 200",
    "DELETE, /actuator/explain,                          401, 401, 403, 403",
    "GET,    /actuator/rules,                            401, 401, 200, 200",
    "GET,    /actuator/prometheus,                       401, 401, 200, 200",
    "GET,    /actuator/metrics,                          401, 401, 200, 200",
    "GET,    /actuator/metrics/jvm.memory.used,          401, 401, 200, 200",
    "GET,    /actuator/info,                             401, 401, 200, 200",
    "GET,    /actuator/emergency,                        401, 401, 200, 200",
    "POST,   /actuator/emergency,                        401, 401, 403, 200",
    "DELETE, /actuator/emergency?rule=*,                 401, 401, 403, 200",
    "GET,    /actuator/health,                           200, 401, 200, 200",
    "GET,    /actuator/health/liveness,                  200, 401, 200, 200",
    "GET,    /actuator/health/readiness,                 200, 401, 200, 200",
    "GET,    /actuator/health/rules,                     401, 401, 200, 200",
    "GET,    /actuator,                                  401, 401, 403, 403",
    "GET,    /actuator/env,                              401, 401, 403, 403",
    "GET,    /anything,                                  401, 401, 403, 403",
    "PUT,    /actuator/migration,                        401, 401, 403, 403",
  })
  void answersEachCallerAsItsRoleAllows(
      String method, String path, int anonymous, int wrongPassword, int viewer, int operator) {
    String body = method.equals("POST") ? postBody(path) : null;

    assertThat(call(method, path, null, body)).as("anonymous").isEqualTo(anonymous);
    assertThat(call(method, path, WRONG, body)).as("wrong password").isEqualTo(wrongPassword);
    assertThat(call(method, path, Proxy.VIEWER_AUTHORIZATION, body)).as("viewer").isEqualTo(viewer);
    assertThat(call(method, path, Proxy.OPERATOR_AUTHORIZATION, body))
        .as("operator")
        .isEqualTo(operator);
  }

  @Test
  void asksForBasicCredentialsWithoutCreatingASession() {
    HttpResponse<String> anonymous =
        AdminHttp.get(proxy.management().resolve("/actuator/migration"), null);
    HttpResponse<String> viewer =
        AdminHttp.get(
            proxy.management().resolve("/actuator/migration"), Proxy.VIEWER_AUTHORIZATION);

    assertThat(anonymous.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(value -> assertThat(value).startsWith("Basic"));
    assertThat(viewer.headers().allValues("Set-Cookie")).isEmpty();
  }

  @Test
  void showsProbesToAnonymousCallersAsStatusOnly() {
    for (String probe :
        new String[] {
          "/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"
        }) {
      HttpResponse<String> response = AdminHttp.get(proxy.management().resolve(probe), null);

      assertThat(response.statusCode()).as(probe).isEqualTo(200);
      // The status, and at the root the names of the groups: no component, no detail.
      assertThat(AdminHttp.json(response.body()).propertyNames())
          .as(probe)
          .contains("status")
          .doesNotContain("components", "details");
    }
    assertThat(
            AdminHttp.json(
                    proxy.management().resolve("/actuator/health/readiness"),
                    Proxy.VIEWER_AUTHORIZATION)
                .get("components")
                .propertyNames())
        .contains("readinessState", "rules");
  }

  @Test
  void leavesThePublicPortToTheMonolith() throws IOException {
    Response anonymous = RawHttp.get(proxy.url(), "/actuator/anything");
    Response withCredentials =
        RawHttp.get(proxy.url(), "/actuator/migration", "Authorization: " + WRONG);
    Response post =
        RawHttp.exchange(
            proxy.url(),
            "POST /actuator/emergency HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0",
            new byte[0]);

    for (Response response : new Response[] {anonymous, withCredentials, post}) {
      assertThat(response.status()).isEqualTo(200);
      assertThat(response.bodyText()).isEqualTo("upstream");
      assertThat(response.first("X-Upstream")).hasValue("scripted");
      assertThat(response.headers().stream().map(h -> h[0].toLowerCase()))
          .doesNotContain(
              "www-authenticate",
              "x-content-type-options",
              "x-frame-options",
              "x-xss-protection",
              "cache-control",
              "pragma",
              "expires",
              "strict-transport-security",
              "set-cookie");
    }
  }

  @Test
  void keepsSpringSecurityOutOfTheMainContext() {
    // The public port's handler is built from the main context's filters alone.
    assertThatThrownBy(() -> proxy.bean(WebFilterChainProxy.class))
        .isInstanceOf(NoSuchBeanDefinitionException.class);
  }

  /** A valid body for each POST, so that the answer is the role's, not the body's. */
  private static String postBody(String path) {
    return path.startsWith("/actuator/explain")
        ? "{\"requests\":[{\"method\":\"GET\",\"path\":\"/api/x\"}]}"
        : "{\"rule\":\"*\"}";
  }

  private static int call(String method, String path, String authorization, String body) {
    return AdminHttp.send(method, proxy.management().resolve(path), authorization, body)
        .statusCode();
  }
}
