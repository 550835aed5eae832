package dev.strangler.rules.yaml;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Timeouts as written in the rules file: {@code 250ms}, {@code 3s}, {@code 1m}. */
final class Durations {

  static final Duration MIN = Duration.ofMillis(1);

  /** Lambda's own maximum run time. */
  static final Duration MAX = Duration.ofSeconds(900);

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
    return duration.compareTo(MIN) >= 0 && duration.compareTo(MAX) <= 0;
  }
}
