package dev.strangler.proxy.routing;

import dev.strangler.proxy.rules.LoadedRules;
import dev.strangler.rules.routing.Backend;
import dev.strangler.rules.routing.Decision;
import dev.strangler.rules.routing.RequestKey;
import java.util.Locale;
import java.util.function.Function;

/**
 * Decides one request against one rule set: the tester's override header, the route table, then the
 * emergency switch. The routing filter decides every request with it and the admin's explain
 * endpoint answers with it, so what explain says is what routing does.
 */
public final class RoutingDecider {

  /** The reason written to logs, meters and the backend header for a switched rule. */
  public static final String EMERGENCY = "emergency";

  private final String overrideHeader;
  private final EmergencySwitch emergency;

  /**
   * @param overrideHeader the header with which testers force a backend, or {@code null}/blank for
   *     none
   */
  public RoutingDecider(String overrideHeader, EmergencySwitch emergency) {
    this.overrideHeader =
        overrideHeader == null || overrideHeader.isBlank()
            ? null
            : overrideHeader.trim().toLowerCase(Locale.ROOT);
    this.emergency = emergency;
  }

  /**
   * @param header lower-case header name to the request's first value of it, or {@code null}
   * @param clientIp the client's address as the proxy determined it, or {@code null}
   */
  public Outcome decide(
      LoadedRules rules,
      String method,
      String rawPath,
      Function<String, String> header,
      String clientIp) {
    RequestKey key = new RequestKey(method, rawPath, header, clientIp, forced(header));
    Decision decision = rules.table().decide(key);
    if (decision instanceof Decision.ToLambda toLambda
        && emergency.isOn(rules.version(), toLambda.rule().id())) {
      return new Outcome(
          new Decision.ToMonolith(
              toLambda.rule(), toLambda.forwardPath(), toLambda.bucket(), toLambda.reason()),
          EMERGENCY);
    }
    return new Outcome(decision, null);
  }

  private Backend forced(Function<String, String> header) {
    if (overrideHeader == null) {
      return null;
    }
    String value = header.apply(overrideHeader);
    if (value == null) {
      return null;
    }
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "lambda" -> Backend.LAMBDA;
      case "monolith" -> Backend.MONOLITH;
      default -> null;
    };
  }

  /** The override header's lower-case name, or {@code null} when testers cannot force. */
  public String overrideHeader() {
    return overrideHeader;
  }

  /**
   * A decision, and the reason that replaced its own when something other than the route table had
   * the last word.
   *
   * @param overrideReason {@link #EMERGENCY}, or {@code null} when the table's decision stands
   */
  public record Outcome(Decision decision, String overrideReason) {}

  @Override
  public String toString() {
    return "RoutingDecider[override header: " + overrideHeader + "]";
  }
}
