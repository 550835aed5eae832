package dev.strangler.proxy.admin;

import dev.strangler.proxy.routing.RoutingDecider;
import dev.strangler.proxy.rules.LoadedRules;
import dev.strangler.proxy.rules.RulesState;
import dev.strangler.rules.model.RouteRule;
import dev.strangler.rules.model.StickyKey;
import dev.strangler.rules.routing.Backend;
import dev.strangler.rules.routing.Decision;
import dev.strangler.rules.routing.RequestKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Answers how the proxy would route a request, through the same {@link RoutingDecider} as live
 * traffic, without sending anything anywhere.
 */
public final class Explainer {

  private final RulesState rules;
  private final RoutingDecider decider;
  private final EmergencySwitches emergency;
  private final Function<String, String> breakerState;

  /**
   * @param breakerState a rule id to its circuit breaker's state, or {@code null} when it has none
   */
  public Explainer(
      RulesState rules,
      RoutingDecider decider,
      EmergencySwitches emergency,
      Function<String, String> breakerState) {
    this.rules = Objects.requireNonNull(rules, "rules");
    this.decider = Objects.requireNonNull(decider, "decider");
    this.emergency = Objects.requireNonNull(emergency, "emergency");
    this.breakerState = Objects.requireNonNull(breakerState, "breakerState");
  }

  /**
   * @param rawPath the path as a client would send it, percent-encoding included; a query is
   *     ignored
   * @param clientIp the client's address, for rules sticky by {@code client-ip}, or {@code null}
   */
  public Explanation explain(String method, String rawPath, HeaderLines headers, String clientIp) {
    return explain(rules.current(), method, rawPath, headers, clientIp);
  }

  /**
   * Explains each request in turn, all on the same rules version (a reload during the call does not
   * split the answer across two).
   */
  List<Explanation> explainAll(List<ExplainBatch.Request> requests) {
    LoadedRules current = rules.current();
    List<Explanation> explained = new ArrayList<>(requests.size());
    for (ExplainBatch.Request request : requests) {
      explained.add(
          explain(
              current, request.method(), request.path(), request.headers(), request.clientIp()));
    }
    return explained;
  }

  private Explanation explain(
      LoadedRules current, String method, String rawPath, HeaderLines headers, String clientIp) {
    String upperMethod = method.trim().toUpperCase(Locale.ROOT);
    int query = rawPath.indexOf('?');
    String path = query < 0 ? rawPath : rawPath.substring(0, query);
    Function<String, String> header = headers.firstValues();
    RoutingDecider.Outcome outcome = decider.decide(current, upperMethod, path, header, clientIp);
    Decision decision = outcome.decision();
    Explained explained;
    if (decision instanceof Decision.Rejected rejected) {
      explained =
          new Explained(
              "none",
              "rejected",
              "proxy",
              "The path cannot be read unambiguously ("
                  + rejected.detail()
                  + "): the proxy answers 400 and sends it nowhere.",
              null,
              null);
    } else if (decision instanceof Decision.ToLambda toLambda) {
      explained =
          ruleDecision(
              current, "lambda", toLambda.rule(), toLambda.bucket(), toLambda.reason(), null);
    } else if (decision instanceof Decision.ToMonolith toMonolith && toMonolith.rule() != null) {
      explained =
          ruleDecision(
              current,
              "monolith",
              toMonolith.rule(),
              toMonolith.bucket(),
              toMonolith.reason(),
              outcome.overrideReason());
    } else {
      explained =
          new Explained(
              "monolith",
              "no_match",
              "monolith",
              "No rule claims " + upperMethod + " " + path + ": the monolith serves it.",
              null,
              null);
    }
    RouteRule rule = ruleOf(decision);
    Explanation.MatchedRule matched =
        rule == null ? null : matched(current, rule, upperMethod, path, header, clientIp);
    return new Explanation(
        current.version(),
        upperMethod,
        rawPath,
        explained.backend(),
        explained.reason(),
        explained.servedBy(),
        explained.detail(),
        matched,
        explained.bucket(),
        decision.forwardPath(),
        explained.breaker(),
        rule == null ? null : emergency.switchOf(current.version(), rule.id()));
  }

  /** One decision put in words, before the rule's details are added. */
  private record Explained(
      String backend,
      String reason,
      String servedBy,
      String detail,
      Integer bucket,
      String breaker) {}

  private Explained ruleDecision(
      LoadedRules current,
      String backend,
      RouteRule rule,
      int bucket,
      Decision.Reason reason,
      String overrideReason) {
    String breaker = breakerState.apply(rule.id());
    Integer shownBucket = bucket < 0 ? null : bucket;
    if (RoutingDecider.EMERGENCY.equals(overrideReason)) {
      EmergencySwitches.Switch by = emergency.switchOf(current.version(), rule.id());
      String who = by == null ? "" : " (set by '" + by.by() + "' at " + by.at() + ")";
      return new Explained(
          "monolith",
          RoutingDecider.EMERGENCY,
          "monolith",
          "The emergency switch" + who + " sends rule '" + rule.id() + "' to the monolith.",
          shownBucket,
          breaker);
    }
    String detail;
    if (reason == Decision.Reason.FORCED) {
      detail =
          "The override header "
              + decider.overrideHeader()
              + " forces "
              + backend
              + " for rule '"
              + rule.id()
              + "'.";
    } else {
      int threshold = rule.canary().basisPoints();
      detail =
          "Bucket "
              + bucket
              + (bucket < threshold ? " is below " : " is not below ")
              + threshold
              + " ("
              + rule.canary().percentText()
              + " % of 10000 buckets) for rule '"
              + rule.id()
              + "': "
              + backend
              + ".";
    }
    String servedBy = backend;
    if ("lambda".equals(backend) && ("OPEN".equals(breaker) || "FORCED_OPEN".equals(breaker))) {
      servedBy = "monolith";
      detail +=
          " The rule's circuit breaker is "
              + breaker
              + ": the monolith serves it without calling the function.";
    }
    return new Explained(
        backend, reason.name().toLowerCase(Locale.ROOT), servedBy, detail, shownBucket, breaker);
  }

  private static RouteRule ruleOf(Decision decision) {
    if (decision instanceof Decision.ToLambda toLambda) {
      return toLambda.rule();
    }
    if (decision instanceof Decision.ToMonolith toMonolith) {
      return toMonolith.rule();
    }
    return null;
  }

  /**
   * The matched rule with its pattern and path parameters. A decision for the monolith carries
   * neither, so the same request is decided once more, forced to Lambda through the override
   * header's own path: matching does not depend on the backend, so the same rule matches.
   */
  private Explanation.MatchedRule matched(
      LoadedRules current,
      RouteRule rule,
      String method,
      String path,
      Function<String, String> header,
      String clientIp) {
    Decision forcedToLambda =
        current.table().decide(new RequestKey(method, path, header, clientIp, Backend.LAMBDA));
    Decision.ToLambda located =
        forcedToLambda instanceof Decision.ToLambda toLambda ? toLambda : null;
    return new Explanation.MatchedRule(
        rule.id(),
        located == null ? null : located.pattern(),
        located == null ? Map.of() : located.pathParameters(),
        rule.lambda().function(),
        rule.lambda().qualifier(),
        rule.canary().percentText(),
        rule.canary().basisPoints(),
        stickyBy(rule.canary().stickyBy()),
        stickyKeyPresent(rule.canary().stickyBy(), header, clientIp));
  }

  private static String stickyBy(StickyKey key) {
    if (key instanceof StickyKey.Header header) {
      return "header:" + header.name();
    }
    if (key instanceof StickyKey.Cookie cookie) {
      return "cookie:" + cookie.name();
    }
    return key instanceof StickyKey.ClientIp ? "client-ip" : "none";
  }

  private static boolean stickyKeyPresent(
      StickyKey key, Function<String, String> header, String clientIp) {
    if (key instanceof StickyKey.Header h) {
      return notEmpty(header.apply(h.name()));
    }
    if (key instanceof StickyKey.Cookie cookie) {
      return hasCookie(header.apply("cookie"), cookie.name());
    }
    return key instanceof StickyKey.ClientIp && notEmpty(clientIp);
  }

  private static boolean hasCookie(String cookies, String name) {
    if (cookies == null) {
      return false;
    }
    for (String pair : cookies.split(";")) {
      int equals = pair.indexOf('=');
      if (equals > 0
          && pair.substring(0, equals).trim().equals(name)
          && !pair.substring(equals + 1).isBlank()) {
        return true;
      }
    }
    return false;
  }

  private static boolean notEmpty(String value) {
    return value != null && !value.isEmpty();
  }
}
