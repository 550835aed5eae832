package dev.strangler.proxy.admin;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Request headers given to the explain endpoint as {@code Name:value} lines. Lines are kept whole:
 * a value may hold commas (a plain list parameter would be split on them).
 */
public record HeaderLines(List<String> lines) {

  public HeaderLines {
    lines = List.copyOf(lines);
    for (String line : lines) {
      int colon = line.indexOf(':');
      if (colon <= 0 || line.substring(0, colon).isBlank()) {
        throw new IllegalArgumentException(
            "a header must be given as Name:value, but was '" + line + "'");
      }
    }
  }

  public static final HeaderLines NONE = new HeaderLines(List.of());

  /** Header name (any case) to its first value, as routing reads headers. */
  public Function<String, String> firstValues() {
    Map<String, String> first = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (String line : lines) {
      int colon = line.indexOf(':');
      first.putIfAbsent(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
    }
    return name -> first.get(name.toLowerCase(Locale.ROOT));
  }
}
