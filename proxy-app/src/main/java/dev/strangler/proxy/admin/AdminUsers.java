package dev.strangler.proxy.admin;

import dev.strangler.proxy.config.InvalidSettingException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.security.core.userdetails.ReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import reactor.core.publisher.Mono;

/**
 * The admin users, checked at start: a configured user needs a name and a non-empty password in one
 * of the two documented forms. Errors name the setting and hide the password. No user configured
 * means nobody can sign in, never a generated password.
 */
public final class AdminUsers implements ReactiveUserDetailsService {

  static final String VIEWER = "VIEWER";
  static final String OPERATOR = "OPERATOR";

  /** One viewer and one operator at most. */
  static final int MAX_USERS = 2;

  private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]?\\$\\d{2}\\$[./A-Za-z0-9]{53}");
  private static final String FORMS = "give it as {bcrypt}<hash> or {noop}<password>";

  private final Map<String, UserDetails> users;

  private AdminUsers(Map<String, UserDetails> users) {
    this.users = Map.copyOf(users);
  }

  /**
   * @throws InvalidSettingException for the first unusable user setting
   */
  public static AdminUsers of(AdminProperties properties) {
    Map<String, UserDetails> users = new LinkedHashMap<>();
    add(users, "viewer", properties.viewer(), VIEWER);
    add(users, "operator", properties.operator(), OPERATOR);
    return new AdminUsers(users);
  }

  private static void add(
      Map<String, UserDetails> users, String role, AdminProperties.User user, String authority) {
    String prefix = "strangler.admin." + role;
    String name = user == null || user.username() == null ? "" : user.username().trim();
    String password = user == null || user.password() == null ? "" : user.password().trim();
    if (name.isEmpty() && password.isEmpty()) {
      return; // nobody has this role
    }
    if (name.isEmpty()) {
      throw new InvalidSettingException(
          prefix + ".username", null, "is required when " + prefix + ".password is set", null);
    }
    if (!name.chars().allMatch(c -> c > 0x20 && c < 0x7F && c != ':')) {
      throw new InvalidSettingException(
          prefix + ".username",
          name,
          "must be printable ASCII without spaces or ':' (HTTP Basic splits on it)",
          null);
    }
    checkPassword(prefix + ".password", password);
    if (users.containsKey(name)) {
      throw new InvalidSettingException(
          prefix + ".username", name, "must differ from the other admin user's", null);
    }
    users.put(name, User.withUsername(name).password(password).roles(authority).build());
  }

  private static void checkPassword(String property, String password) {
    if (password.isEmpty()) {
      throw new InvalidSettingException(property, "", "must not be empty; " + FORMS, null);
    }
    if (password.startsWith("{noop}")) {
      if (password.length() == "{noop}".length()) {
        throw new InvalidSettingException(
            property, "{noop}", "must not be empty after {noop}; " + FORMS, null);
      }
      return;
    }
    if (password.startsWith("{bcrypt}")) {
      if (!BCRYPT.matcher(password.substring("{bcrypt}".length())).matches()) {
        throw new InvalidSettingException(
            property,
            "{bcrypt}(hidden)",
            "is not a BCrypt hash ($2a$10$ and 53 more characters)",
            null);
      }
      return;
    }
    throw new InvalidSettingException(
        property, "(hidden)", "has no {bcrypt} or {noop} prefix; " + FORMS, null);
  }

  @Override
  public Mono<UserDetails> findByUsername(String username) {
    // A fresh copy each time: Spring Security erases the credentials of what it is given.
    UserDetails user = users.get(username);
    return user == null ? Mono.empty() : Mono.just(User.withUserDetails(user).build());
  }

  @Override
  public String toString() {
    return "AdminUsers" + users.keySet();
  }
}
