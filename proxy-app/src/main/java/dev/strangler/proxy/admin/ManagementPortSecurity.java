package dev.strangler.proxy.admin;

import dev.strangler.proxy.config.InvalidSettingException;
import java.time.Duration;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UserDetailsRepositoryReactiveAuthenticationManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.WebFilterChainProxy;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;

/**
 * HTTP Basic and roles for the actuator, in the management server's own child context only, so no
 * request on the public port ever passes through Spring Security.
 *
 * <p>Boot builds the management server's handler from the child context's web filters, its parent's
 * included; the main context's handler sees only its own. This class is therefore listed in {@code
 * META-INF/spring/org.springframework.boot.actuate.autoconfigure.web.ManagementContextConfiguration.imports}
 * and deliberately carries no {@code @Configuration}: component scanning would then put it in the
 * main context as well, and Spring Security on the public port.
 *
 * <p>Rules are paths and roles, never expressions.
 */
public class ManagementPortSecurity {

  @Bean
  @Order(-100)
  WebFilterChainProxy managementSecurityFilter(
      AdminUsers users, AdminProperties properties, WebEndpointProperties endpoints) {
    String base = endpoints.getBasePath();
    String[] probes = {base + "/health", base + "/health/liveness", base + "/health/readiness"};
    String[] reads = {
      base + "/migration",
      base + "/explain",
      base + "/rules",
      base + "/prometheus",
      base + "/metrics",
      base + "/metrics/**",
      base + "/info",
      base + "/emergency",
      base + "/health/**"
    };
    String emergency = base + "/emergency";
    String explain = base + "/explain"; // a POST here explains many requests: a read
    return new WebFilterChainProxy(
        ServerHttpSecurity.http()
            .authenticationManager(signIn(users, properties.signInCacheTtl()))
            .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
            .httpBasic(Customizer.withDefaults())
            .csrf(ServerHttpSecurity.CsrfSpec::disable) // no browser sessions: Basic on each call
            .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
            .logout(ServerHttpSecurity.LogoutSpec::disable)
            .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
            .authorizeExchange(
                exchanges ->
                    exchanges
                        .pathMatchers(HttpMethod.GET, probes)
                        .permitAll()
                        .pathMatchers(HttpMethod.POST, explain)
                        .hasAnyRole(AdminUsers.VIEWER, AdminUsers.OPERATOR)
                        .pathMatchers(HttpMethod.POST, emergency)
                        .hasRole(AdminUsers.OPERATOR)
                        .pathMatchers(HttpMethod.DELETE, emergency)
                        .hasRole(AdminUsers.OPERATOR)
                        .pathMatchers(HttpMethod.GET, reads)
                        .hasAnyRole(AdminUsers.VIEWER, AdminUsers.OPERATOR)
                        .anyExchange()
                        .denyAll())
            .build());
  }

  /**
   * Checks HTTP Basic against the configured users, remembering successes for {@code ttl} ({@code
   * 0}: never).
   */
  static ReactiveAuthenticationManager signIn(AdminUsers users, Duration ttl) {
    requireUsableTtl(ttl);
    UserDetailsRepositoryReactiveAuthenticationManager check =
        new UserDetailsRepositoryReactiveAuthenticationManager(users);
    check.setPasswordEncoder(new ConfiguredPasswordEncoder());
    if (ttl.isZero()) {
      return check;
    }
    return new CachingAuthenticationManager(
        check, new SignInCache<>(ttl, AdminUsers.MAX_USERS, System::nanoTime));
  }

  /** Checked at start in the main context too, so that a bad value stops the start in one line. */
  static void requireUsableTtl(Duration ttl) {
    if (ttl == null || ttl.isNegative()) {
      throw new InvalidSettingException(
          "strangler.admin.sign-in-cache-ttl",
          String.valueOf(ttl),
          "must be 0 (check every call in full) or a positive duration such as 60s",
          null);
    }
  }
}
