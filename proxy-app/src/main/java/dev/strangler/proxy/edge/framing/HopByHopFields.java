package dev.strangler.proxy.edge.framing;

import java.util.ArrayList;
import java.util.List;

/**
 * The fields of a request that belong to one connection and must not travel further (RFC 9110
 * §7.6.1): the standard hop-by-hop fields and every field the request's {@code Connection} names.
 * For a backend that gets the headers as data (a function's event) rather than through the
 * gateway's own hop-by-hop filter.
 */
public final class HopByHopFields {

  private static final List<String> STANDARD =
      List.of(
          "Connection",
          "Keep-Alive",
          "Proxy-Connection",
          "TE",
          "Trailer",
          "Transfer-Encoding",
          "Upgrade",
          "Proxy-Authenticate",
          "Proxy-Authorization");

  private static final HopByHopFields STANDARD_ONLY = new HopByHopFields(List.of());

  private final List<String> named;

  private HopByHopFields(List<String> named) {
    this.named = named;
  }

  /**
   * @param connectionFieldLines the request's {@code Connection} field lines, empty when absent
   */
  public static HopByHopFields of(List<String> connectionFieldLines) {
    if (connectionFieldLines == null || connectionFieldLines.isEmpty()) {
      return STANDARD_ONLY;
    }
    List<String> named = new ArrayList<>(2);
    for (String line : connectionFieldLines) {
      int start = 0;
      while (start <= line.length()) {
        int comma = line.indexOf(',', start);
        int end = comma < 0 ? line.length() : comma;
        String option = line.substring(start, end).trim();
        if (!option.isEmpty()) {
          named.add(option);
        }
        start = end + 1;
      }
    }
    return new HopByHopFields(List.copyOf(named));
  }

  /** Whether a field of this name stays on this hop. */
  public boolean drops(String name) {
    return matches(STANDARD, name) || matches(named, name);
  }

  private static boolean matches(List<String> names, String name) {
    for (String each : names) {
      if (each.equalsIgnoreCase(name)) {
        return true;
      }
    }
    return false;
  }
}
