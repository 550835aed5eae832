package dev.strangler.functions.shop.db;

import java.util.Map;
import java.util.Objects;

/**
 * Where the monolith's database is, from the function's environment: {@code DB_URL}, {@code
 * DB_USER} and {@code DB_PASSWORD}, the variables the monolith's {@code postgres} profile reads.
 * Without them the demo's H2 server on loopback is assumed.
 */
public record DatabaseSettings(String url, String user, String password) {

  public static final String DEFAULT_URL = "jdbc:h2:tcp://127.0.0.1:9092/mem:shop";
  public static final String DEFAULT_USER = "sa";
  public static final String DEFAULT_PASSWORD = "";

  public DatabaseSettings {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
    if (!url.startsWith("jdbc:")) {
      throw new IllegalArgumentException(
          "DB_URL must be a JDBC URL (jdbc:...), but was '" + url + "'");
    }
  }

  /** Reads the settings; unset or empty variables take the defaults. */
  public static DatabaseSettings fromEnvironment(Map<String, String> environment) {
    return new DatabaseSettings(
        valueOr(environment, "DB_URL", DEFAULT_URL),
        valueOr(environment, "DB_USER", DEFAULT_USER),
        valueOr(environment, "DB_PASSWORD", DEFAULT_PASSWORD));
  }

  private static String valueOr(Map<String, String> environment, String name, String fallback) {
    String value = environment.get(name);
    return value == null || value.isEmpty() ? fallback : value;
  }

  /** Never prints the password: settings end up in logs and exception messages. */
  @Override
  public String toString() {
    return "DatabaseSettings[url=" + url + ", user=" + user + ", password=***]";
  }
}
