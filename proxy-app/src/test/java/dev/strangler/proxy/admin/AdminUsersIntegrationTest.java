package dev.strangler.proxy.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.proxy.support.Proxy;
import dev.strangler.proxy.support.ScriptedUpstream;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The admin users as configured: none at all, or a BCrypt password. One proxy at a time: proxies in
 * one JVM share Reactor Netty's global resources, which closing one of them releases.
 */
@ExtendWith(OutputCaptureExtension.class)
class AdminUsersIntegrationTest {

  private static ScriptedUpstream upstream;

  @BeforeAll
  static void start() throws IOException {
    upstream = ScriptedUpstream.answering("HTTP/1.1 204 No Content\r\n\r\n");
  }

  @AfterAll
  static void stop() throws IOException {
    upstream.close();
  }

  @Test
  void letsNobodyInWhenNoUserIsConfigured(CapturedOutput log) {
    try (Proxy unconfigured =
        Proxy.start(
            upstream.url(),
            Map.of(
                "strangler.admin.viewer.username", "",
                "strangler.admin.viewer.password", "",
                "strangler.admin.operator.username", "",
                "strangler.admin.operator.password", ""))) {
      for (String authorization :
          new String[] {null, Proxy.VIEWER_AUTHORIZATION, Proxy.OPERATOR_AUTHORIZATION}) {
        assertThat(
                AdminHttp.get(
                        unconfigured.management().resolve("/actuator/migration"), authorization)
                    .statusCode())
            .isEqualTo(401);
      }
      assertThat(
              AdminHttp.get(unconfigured.management().resolve("/actuator/health"), null)
                  .statusCode())
          .isEqualTo(200);
      assertThat(log.getOut()).doesNotContainIgnoringCase("generated security password");
    }
  }

  @Test
  void acceptsBcryptPasswords() {
    // BCrypt of "s3cret", cost 4.
    String hash =
        new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder(4).encode("s3cret");
    try (Proxy hashed =
        Proxy.start(
            upstream.url(),
            Map.of(
                "strangler.admin.viewer.username",
                "auditor",
                "strangler.admin.viewer.password",
                "{bcrypt}" + hash))) {
      assertThat(
              AdminHttp.get(
                      hashed.management().resolve("/actuator/migration"),
                      Proxy.basic("auditor", "s3cret"))
                  .statusCode())
          .isEqualTo(200);
      assertThat(
              AdminHttp.get(
                      hashed.management().resolve("/actuator/migration"),
                      Proxy.basic("auditor", "S3cret"))
                  .statusCode())
          .isEqualTo(401);
    }
  }
}
