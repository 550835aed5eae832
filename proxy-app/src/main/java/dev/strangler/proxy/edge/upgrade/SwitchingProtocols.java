package dev.strangler.proxy.edge.upgrade;

import java.util.List;
import java.util.Locale;

/**
 * Whether an upstream's {@code 101 Switching Protocols} may reach the client (RFC 9110, 7.8 and
 * 15.2.2): only when the request that went upstream offered an upgrade, and only to a protocol it
 * offered. Anything else would hand the client a connection that speaks something it never asked
 * for, and leave the proxy relaying bytes it cannot frame.
 */
public final class SwitchingProtocols {
  private SwitchingProtocols() {}

  /** The verdict on one 101, with the words the proxy uses when it refuses it. */
  public enum Verdict {
    ACCEPTED(null),
    NOT_REQUESTED("the monolith switched protocols (101) for a request that asked for no upgrade"),
    NO_PROTOCOL("the monolith switched protocols (101) without naming the protocol"),
    OTHER_PROTOCOL("the monolith switched protocols (101) to one the request did not offer");

    private final String problem;

    Verdict(String problem) {
      this.problem = problem;
    }

    /** The problem detail for the client's 502, {@code null} when accepted. */
    public String problem() {
      return problem;
    }
  }

  /**
   * @param offered the {@code Upgrade} values of the request as sent upstream (none: empty)
   * @param answered the {@code Upgrade} values of the 101 answer
   */
  public static Verdict judge(List<String> offered, List<String> answered) {
    if (!hasToken(offered)) {
      return Verdict.NOT_REQUESTED;
    }
    if (!hasToken(answered)) {
      return Verdict.NO_PROTOCOL;
    }
    for (String value : answered) {
      for (String protocol : value.split(",")) {
        String name = protocol.trim();
        if (!name.isEmpty() && !isOffered(name, offered)) {
          return Verdict.OTHER_PROTOCOL;
        }
      }
    }
    return Verdict.ACCEPTED;
  }

  private static boolean isOffered(String protocol, List<String> offered) {
    for (String value : offered) {
      for (String candidate : value.split(",")) {
        // Protocol names are case-insensitive (RFC 9110, 7.8); "websocket" is "WebSocket".
        if (candidate.trim().toLowerCase(Locale.ROOT).equals(protocol.toLowerCase(Locale.ROOT))) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean hasToken(List<String> values) {
    for (String value : values) {
      for (String token : value.split(",")) {
        if (!token.isBlank()) {
          return true;
        }
      }
    }
    return false;
  }
}
