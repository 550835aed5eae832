package dev.strangler.demo.monolith.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Builds absolute URLs the way old servlet apps do: from the request's scheme, Host and port.
 * Forwarded headers are ignored (server.forward-headers-strategy=none), so behind a proxy that
 * sends its backend's Host these URLs point at the monolith itself and must be rewritten.
 */
final class OwnOrigin {

  private OwnOrigin() {}

  static String of(HttpServletRequest request) {
    String scheme = request.getScheme();
    String host = request.getServerName();
    int port = request.getServerPort();
    if (host.indexOf(':') >= 0 && !host.startsWith("[")) {
      host = "[" + host + "]"; // an IPv6 literal
    }
    boolean defaultPort =
        ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
    return scheme + "://" + host + (defaultPort ? "" : ":" + port);
  }

  static String url(HttpServletRequest request, String pathAndQuery) {
    return of(request) + pathAndQuery;
  }
}
