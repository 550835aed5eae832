package dev.strangler.proxy.admin;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The users of the admin endpoints, under {@code strangler.admin.*}. Each password is written as
 * Spring Security stores it: {@code {bcrypt}$2a$10$...} or, for tests and demos, {@code
 * {noop}plain-text}. Checked by {@link AdminUsers}, which never repeats a password in an error.
 *
 * @param viewer reads: the summary, explain, rules, metrics, Prometheus, info, health details
 * @param operator reads, and sets or clears the emergency switch
 * @param signInCacheTtl how long a successful sign-in is remembered (only successes, keyed by the
 *     user and a keyed hash of the password), so that BCrypt runs once per this time and not on
 *     every call; {@code 0} checks every call in full
 */
@ConfigurationProperties("strangler.admin")
public record AdminProperties(
    @DefaultValue User viewer,
    @DefaultValue User operator,
    @DefaultValue("60s") Duration signInCacheTtl) {

  /**
   * One user; unset (both empty) when nobody has that role.
   *
   * @param username the name given with HTTP Basic, also written in the audit log
   * @param password {@code {bcrypt}<hash>} or {@code {noop}<password>}
   */
  public record User(String username, String password) {
    @Override
    public String toString() {
      return "User[" + username + "]"; // never the password
    }
  }
}
