package dev.strangler.proxy.forwarding;

import java.net.URI;
import java.util.Locale;

/** Builds the upstream URL of a request without decoding or re-encoding any of it. */
public final class RequestTarget {
  private RequestTarget() {}

  public static boolean isHttp(URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    return scheme.equals("http") || scheme.equals("https");
  }

  /**
   * @param upstream supplies scheme and authority
   * @param rawPath the path as received, still percent-encoded
   * @param rawQuery the query as received, or {@code null} when the request had none
   */
  public static URI of(URI upstream, String rawPath, String rawQuery) {
    StringBuilder target =
        new StringBuilder(upstream.getScheme()).append("://").append(upstream.getRawAuthority());
    target.append(rawPath == null || rawPath.isEmpty() ? "/" : rawPath);
    if (rawQuery != null) {
      target.append('?').append(rawQuery);
    }
    // The parts came from a parsed URI, so they are already valid: this parse changes nothing.
    return URI.create(target.toString());
  }
}
