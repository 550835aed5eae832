package dev.strangler.proxy.forwarding;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * Computes the forwarding headers the proxy sends upstream, and the origin the client used.
 *
 * <p>Headers that arrive from a trusted proxy are extended; from anyone else they are discarded and
 * replaced, so a client cannot pretend to come from another address or scheme.
 */
public final class ForwardedHeaders {

  public static final String X_FORWARDED_FOR = "X-Forwarded-For";
  public static final String X_FORWARDED_PROTO = "X-Forwarded-Proto";
  public static final String X_FORWARDED_HOST = "X-Forwarded-Host";
  public static final String X_FORWARDED_PORT = "X-Forwarded-Port";
  public static final String FORWARDED = "Forwarded";

  /** Every header this class writes; upstream requests carry no other copy of them. */
  public static final List<String> NAMES =
      List.of(X_FORWARDED_FOR, X_FORWARDED_PROTO, X_FORWARDED_HOST, X_FORWARDED_PORT, FORWARDED);

  private final TrustedProxies trustedProxies;

  public ForwardedHeaders(TrustedProxies trustedProxies) {
    this.trustedProxies = Objects.requireNonNull(trustedProxies, "trustedProxies");
  }

  /**
   * @param peer the address the connection came from
   * @param scheme the scheme of the connection ({@code http} or {@code https})
   * @param hostHeader the request's {@code Host}, as received
   * @param incoming the request's headers by name, an empty list when absent
   */
  public Forwarding forRequest(
      InetSocketAddress peer,
      String scheme,
      String hostHeader,
      Function<String, List<String>> incoming) {
    boolean trusted =
        peer != null && peer.getAddress() != null && trustedProxies.trusts(peer.getAddress());
    String peerIp =
        peer == null || peer.getAddress() == null ? null : peer.getAddress().getHostAddress();

    String forwardedFor = appendIfTrusted(trusted, incoming.apply(X_FORWARDED_FOR), peerIp);
    String proto = firstIfTrusted(trusted, incoming.apply(X_FORWARDED_PROTO), scheme);
    String host = firstIfTrusted(trusted, incoming.apply(X_FORWARDED_HOST), hostHeader);
    String port = firstIfTrusted(trusted, incoming.apply(X_FORWARDED_PORT), portOf(host, proto));
    String element = forwardedElement(peer, peerIp, scheme, hostHeader);
    String forwarded = appendIfTrusted(trusted, incoming.apply(FORWARDED), element);
    String clientIp = trusted ? clientOf(forwardedFor, peerIp) : peerIp;
    return new Forwarding(forwardedFor, proto, host, port, forwarded, clientIp);
  }

  /**
   * The client is the right-most address of the chain that is not one of our trusted proxies:
   * anything left of it was written by the client itself and proves nothing.
   */
  private String clientOf(String chain, String peerIp) {
    String[] hops = chain.split(",");
    for (int i = hops.length - 1; i >= 0; i--) {
      String hop = hops[i].trim();
      if (!hop.isEmpty() && !isTrustedLiteral(hop)) {
        return hop;
      }
    }
    return hops.length == 0 || hops[0].isBlank() ? peerIp : hops[0].trim();
  }

  /**
   * A hop that is not an address literal (a name, {@code unknown}) is never trusted, nor resolved.
   */
  private boolean isTrustedLiteral(String hop) {
    InetAddress address = AddressRange.hop(hop);
    return address != null && trustedProxies.trusts(address);
  }

  private static String appendIfTrusted(boolean trusted, List<String> incoming, String own) {
    if (!trusted || incoming.isEmpty()) {
      return own;
    }
    String chain = String.join(", ", incoming);
    return own == null ? chain : chain + ", " + own;
  }

  private static String firstIfTrusted(boolean trusted, List<String> incoming, String own) {
    if (!trusted || incoming.isEmpty()) {
      return own;
    }
    // The left-most value is the one the first proxy saw, i.e. the client's.
    String first = incoming.get(0);
    int comma = first.indexOf(',');
    String value = (comma < 0 ? first : first.substring(0, comma)).trim();
    return value.isEmpty() ? own : value;
  }

  static String portOf(String host, String proto) {
    if (host != null) {
      int colon = host.lastIndexOf(':');
      int bracket = host.lastIndexOf(']');
      if (colon > bracket && colon < host.length() - 1) {
        return host.substring(colon + 1);
      }
    }
    return "https".equalsIgnoreCase(proto) ? "443" : "80";
  }

  private static String forwardedElement(
      InetSocketAddress peer, String peerIp, String scheme, String hostHeader) {
    StringBuilder element = new StringBuilder();
    if (peerIp != null) {
      boolean v6 = peer.getAddress() instanceof Inet6Address;
      element.append("for=").append(v6 ? "\"[" + peerIp + "]\"" : peerIp).append(';');
    }
    element.append("proto=").append(scheme.toLowerCase(Locale.ROOT));
    if (hostHeader != null) {
      appendQuoted(element.append(";host="), hostHeader);
    }
    return element.toString();
  }

  /**
   * A quoted-string of RFC 9110 §5.6.4, as RFC 7239 §4 requires for values that are not tokens:
   * {@code "} and {@code \} are escaped, so a value cannot close the string and add parameters.
   * Characters a quoted-string cannot hold (controls other than tab) are dropped.
   */
  static void appendQuoted(StringBuilder out, String value) {
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c == '\t' || (c >= 0x20 && c != 0x7F && c <= 0xFF)) {
        out.append(c);
      }
    }
    out.append('"');
  }

  /**
   * The forwarding headers for one request.
   *
   * <p>{@link #origin()} is where the client sent the request, e.g. {@code
   * https://shop.example.com}.
   *
   * @param clientIp the client's address: the peer, or what trusted proxies reported
   */
  public record Forwarding(
      String forwardedFor,
      String proto,
      String host,
      String port,
      String forwarded,
      String clientIp) {

    public String origin() {
      return proto + "://" + host;
    }
  }
}
