package dev.strangler.proxy.forwarding;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * Rewrites a redirect that points at the monolith's own origin so that it points at the origin the
 * client used, as the monolith would have written it had it been reached directly.
 */
public final class LocationRewriter {

  private final List<String> monolithOrigins;

  public LocationRewriter(URI monolith) {
    String scheme = monolith.getScheme().toLowerCase(Locale.ROOT);
    String host = monolith.getHost().toLowerCase(Locale.ROOT);
    int defaultPort = "https".equals(scheme) ? 443 : 80;
    int port = monolith.getPort() < 0 ? defaultPort : monolith.getPort();
    String withPort = scheme + "://" + host + ":" + port;
    // A redirect may spell the default port out or leave it away; both name the same origin.
    this.monolithOrigins =
        port == defaultPort ? List.of(withPort, scheme + "://" + host) : List.of(withPort);
  }

  /**
   * @return the rewritten location, or {@code location} itself when it points elsewhere
   */
  public String rewrite(String location, String clientOrigin) {
    for (String origin : monolithOrigins) {
      if (location.length() >= origin.length()
          && location.regionMatches(true, 0, origin, 0, origin.length())
          && endsOrigin(location, origin.length())) {
        return clientOrigin + location.substring(origin.length());
      }
    }
    return location;
  }

  private static boolean endsOrigin(String location, int index) {
    if (index == location.length()) {
      return true;
    }
    char next = location.charAt(index);
    return next == '/' || next == '?' || next == '#';
  }
}
