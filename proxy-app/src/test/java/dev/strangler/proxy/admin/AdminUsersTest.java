package dev.strangler.proxy.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strangler.proxy.config.InvalidSettingException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

class AdminUsersTest {

  private static final AdminProperties.User NOBODY = new AdminProperties.User(null, null);

  @Test
  void givesEachUserItsRole() {
    AdminUsers users =
        AdminUsers.of(
            properties(
                new AdminProperties.User("grafana", "{noop}a"),
                new AdminProperties.User(
                    "oncall", "{bcrypt}" + new BCryptPasswordEncoder(4).encode("b"))));

    assertThat(roles(users.findByUsername("grafana").block())).containsExactly("ROLE_VIEWER");
    assertThat(roles(users.findByUsername("oncall").block())).containsExactly("ROLE_OPERATOR");
    assertThat(users.findByUsername("GRAFANA").blockOptional()).isEmpty();
  }

  @Test
  void hasNobodyWhenNothingIsConfigured() {
    AdminUsers users = AdminUsers.of(properties(NOBODY, NOBODY));

    assertThat(users.findByUsername("").blockOptional()).isEmpty();
    assertThat(users.toString()).isEqualTo("AdminUsers[]");
  }

  @Test
  void refusesTwoUsersWithOneName() {
    assertThatThrownBy(
            () ->
                AdminUsers.of(
                    properties(
                        new AdminProperties.User("ops", "{noop}a"),
                        new AdminProperties.User("ops", "{noop}b"))))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("strangler.admin.operator.username");
  }

  @Test
  void refusesANameHttpBasicCannotCarry() {
    assertThatThrownBy(
            () -> AdminUsers.of(properties(new AdminProperties.User("a:b", "{noop}a"), NOBODY)))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("':'");
  }

  @Test
  void neverShowsThePasswordInAnError() {
    assertThatThrownBy(
            () -> AdminUsers.of(properties(NOBODY, new AdminProperties.User("ops", "{sha256}xyz"))))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageNotContaining("xyz");
    assertThat(new AdminProperties.User("ops", "{noop}xyz").toString()).doesNotContain("xyz");
  }

  private static AdminProperties properties(
      AdminProperties.User viewer, AdminProperties.User operator) {
    return new AdminProperties(viewer, operator, Duration.ofSeconds(60));
  }

  private static java.util.List<String> roles(UserDetails user) {
    return user.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
  }
}
