package dev.strangler.rules.yaml;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations (timeouts, breaker times) as written in the rules file: {@code 250ms}, {@code 3s},
 * {@code 1m}.
 */
final class Durations {

  static final Duration MIN = Duration.ofMillis(1);

  /** Lambda's own maximum run time. */
  static final Duration MAX = Duration.ofSeconds(900);

  /** The shortest a circuit breaker stays open. */
  static final Duration MIN_OPEN = Duration.ofSeconds(1);

  /** The longest a circuit breaker stays open: an hour, written {@code 60m}. */
  static final Duration MAX_OPEN = Duration.ofMinutes(60);

  /** The longest wait before retrying a throttled invocation. */
  static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

  private static final Pattern TEXT = Pattern.compile("([0-9]{1,9})(ms|s|m)");

  private Durations() {}

  /** The duration, or {@code null} when the text is not {@code <integer><ms|s|m>}. */
  static Duration parse(String text) {
    Matcher matcher = TEXT.matcher(text);
    if (!matcher.matches()) {
      return null;
    }
    long amount = Long.parseLong(matcher.group(1));
    return switch (matcher.group(2)) {
      case "ms" -> Duration.ofMillis(amount);
      case "s" -> Duration.ofSeconds(amount);
      default -> Duration.ofMinutes(amount);
    };
  }

  static boolean inRange(Duration duration) {
    return inRange(duration, MIN, MAX);
  }

  static boolean inRange(Duration duration, Duration min, Duration max) {
    return duration.compareTo(min) >= 0 && duration.compareTo(max) <= 0;
  }

  /**
   * How messages write a limit, in the largest unit that divides it within the ones the file
   * accepts, except that seconds stay seconds up to Lambda's 900s: {@code 1ms}, {@code 900s},
   * {@code 60m}.
   */
  static String text(Duration duration) {
    long millis = duration.toMillis();
    if (millis % 1000 != 0) {
      return millis + "ms";
    }
    long seconds = millis / 1000;
    return seconds > MAX.toSeconds() && seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s";
  }
}
