package dev.strangler.proxy.observe;

import dev.strangler.proxy.routing.FallbackReason;
import dev.strangler.rules.routing.Decision;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One request as it ended: what the proxy decided, which side served it and how it went. The
 * meters, the access log and the admin view's live figures all read this one record.
 *
 * @param route the rule id, or {@link #NO_RULE} when no rule claimed the request
 * @param reason why the request went where it did: {@code canary}, {@code forced}, {@code
 *     no_match}, {@code rejected}, or the emergency switch's {@code emergency}
 * @param bucket the canary bucket 0..9999, or -1 when there was none
 * @param fallback why the monolith served a request the rule sent to Lambda, or {@code null}
 * @param function the function the rule names (whether or not it served), or {@code null}
 * @param traceId the W3C trace id the request was sent on with, or {@code null}
 * @param status the HTTP status sent, or 0 when the client went away before one was
 * @param bytes body bytes sent to the client
 */
public record CompletedRequest(
    Instant start,
    String requestId,
    String traceId,
    String method,
    String path,
    String route,
    ServedBy servedBy,
    String reason,
    int bucket,
    FallbackReason fallback,
    String function,
    int status,
    long bytes,
    Duration latency) {

  /** The route of requests that no rule claims. */
  public static final String NO_RULE = "monolith-default";

  public CompletedRequest {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(route, "route");
    Objects.requireNonNull(servedBy, "servedBy");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(latency, "latency");
  }

  /** {@code 2xx} … {@code 5xx}, or {@code cancelled} when the client left before a status. */
  public String outcome() {
    return status < 100 || status > 599 ? "cancelled" : (status / 100) + "xx";
  }

  public boolean fellBack() {
    return fallback != null;
  }

  /** Whether the answer counts as an error of the backend: a 5xx, or no answer at all. */
  public boolean failed() {
    return status >= 500 || status == 0;
  }

  /** The parts of a request's record that its decision fixes. */
  record Routing(String route, ServedBy servedBy, String reason, int bucket, String function) {

    static Routing of(Decision decision, FallbackReason fallback, String overrideReason) {
      if (decision instanceof Decision.ToLambda toLambda) {
        return new Routing(
            toLambda.rule().id(),
            fallback == null ? ServedBy.LAMBDA : ServedBy.MONOLITH,
            reasonOf(toLambda.reason(), overrideReason),
            toLambda.bucket(),
            toLambda.rule().lambda().function());
      }
      if (decision instanceof Decision.ToMonolith toMonolith && toMonolith.rule() != null) {
        return new Routing(
            toMonolith.rule().id(),
            ServedBy.MONOLITH,
            reasonOf(toMonolith.reason(), overrideReason),
            toMonolith.bucket(),
            toMonolith.rule().lambda().function());
      }
      if (decision instanceof Decision.Rejected) {
        return new Routing(NO_RULE, ServedBy.PROXY, "rejected", -1, null);
      }
      return new Routing(NO_RULE, ServedBy.MONOLITH, "no_match", -1, null);
    }

    private static String reasonOf(Decision.Reason reason, String overrideReason) {
      return overrideReason != null
          ? overrideReason
          : reason.name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
