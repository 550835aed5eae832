package dev.strangler.proxy.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/** The sign-in check as the management port builds it, over the real users and BCrypt. */
class CachingAuthenticationManagerTest {

  private static final Duration TTL = Duration.ofSeconds(60);

  private final AdminUsers users =
      AdminUsers.of(
          new AdminProperties(
              new AdminProperties.User("grafana", "{noop}viewer-secret"),
              new AdminProperties.User(
                  "oncall", "{bcrypt}" + new BCryptPasswordEncoder(4).encode("operator-secret")),
              TTL));
  private final AtomicInteger fullChecks = new AtomicInteger();
  private final AtomicLong now = new AtomicLong();
  private final ReactiveAuthenticationManager full =
      ManagementPortSecurity.signIn(users, Duration.ZERO);
  private final CachingAuthenticationManager manager =
      new CachingAuthenticationManager(
          presented -> {
            fullChecks.incrementAndGet();
            return full.authenticate(presented);
          },
          new SignInCache<>(TTL, AdminUsers.MAX_USERS, now::get));

  @Test
  void checksASuccessfulSignInInFullOnlyOncePerTtl() {
    assertThat(roles(signIn("oncall", "operator-secret"))).containsExactly("ROLE_OPERATOR");
    assertThat(roles(signIn("oncall", "operator-secret"))).containsExactly("ROLE_OPERATOR");
    assertThat(fullChecks).hasValue(1);

    now.addAndGet(TTL.toNanos());
    assertThat(signIn("oncall", "operator-secret").isAuthenticated()).isTrue();
    assertThat(fullChecks).hasValue(2);
  }

  @Test
  void neverAnswersAnotherPasswordFromTheCache() {
    signIn("grafana", "viewer-secret");

    assertThatThrownBy(() -> signIn("grafana", "viewer-secret-not"))
        .isInstanceOf(BadCredentialsException.class);
    assertThatThrownBy(() -> signIn("oncall", "viewer-secret"))
        .isInstanceOf(BadCredentialsException.class);
    assertThat(fullChecks).hasValue(3);
  }

  @Test
  void neverRemembersAFailure() {
    for (int attempt = 0; attempt < 3; attempt++) {
      assertThatThrownBy(() -> signIn("oncall", "guess"))
          .isInstanceOf(BadCredentialsException.class);
    }
    assertThat(fullChecks).hasValue(3);
  }

  @Test
  void givesEachCallAnAuthenticationOfItsOwn() {
    Authentication first = signIn("grafana", "viewer-secret");
    Authentication second = signIn("grafana", "viewer-secret");

    assertThat(second).isNotSameAs(first);
    assertThat(second.getName()).isEqualTo("grafana");
    assertThat(second.getCredentials()).isNull();
  }

  @Test
  void neverHoldsMoreEntriesThanThereAreUsers() {
    SignInCache<String> cache = new SignInCache<>(TTL, 2, now::get);
    cache.remember("a", "1", "a");
    cache.remember("b", "2", "b");
    cache.remember("c", "3", "c");
    cache.remember("a", "4", "a again");

    assertThat(cache.size()).isEqualTo(2);
    assertThat(cache.find("c", "3")).isNull();
    assertThat(cache.find("a", "1")).isNull();
    assertThat(cache.find("a", "4")).isEqualTo("a again");
  }

  @Test
  void neverAsksToReEncodeAConfiguredPassword() {
    // Spring Security's default asks for it, and the sign-in then runs BCrypt on every success.
    String noop = "{noop}viewer-secret";
    String weakBcrypt = "{bcrypt}" + new BCryptPasswordEncoder(4).encode("x");
    assertThat(PasswordEncoderFactories.createDelegatingPasswordEncoder().upgradeEncoding(noop))
        .isTrue();

    assertThat(new ConfiguredPasswordEncoder().upgradeEncoding(noop)).isFalse();
    assertThat(new ConfiguredPasswordEncoder().upgradeEncoding(weakBcrypt)).isFalse();
  }

  private Authentication signIn(String user, String password) {
    return manager
        .authenticate(UsernamePasswordAuthenticationToken.unauthenticated(user, password))
        .block();
  }

  private static java.util.List<String> roles(Authentication authentication) {
    return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
  }
}
