package dev.strangler.rules.yaml;

import dev.strangler.rules.model.Fallback.ThrottleRetry;
import java.time.Duration;

/** Reads {@code fallback.throttleRetry}, key by key over the settings it inherits. */
final class ThrottleRetryReader {

  static final int MAX_ATTEMPTS = 10;

  private ThrottleRetryReader() {}

  static ThrottleRetry read(Fields fallback, ThrottleRetry inherited) {
    Fields retry = fallback.fields("throttleRetry", false, Keys.THROTTLE_RETRY);
    if (retry == null) {
      return inherited;
    }
    Integer attempts = Values.integer(retry, "attempts", 1, MAX_ATTEMPTS);
    Duration backoff = Values.duration(retry, "backoff", Durations.MIN, Durations.MAX_BACKOFF);
    Duration maxBackoff =
        Values.duration(retry, "maxBackoff", Durations.MIN, Durations.MAX_BACKOFF);
    boolean backoffBad = retry.has("backoff") && backoff == null;
    boolean maxBackoffBad = retry.has("maxBackoff") && maxBackoff == null;
    Duration effectiveBackoff = backoff == null ? inherited.backoff() : backoff;
    Duration effectiveMax = maxBackoff == null ? inherited.maxBackoff() : maxBackoff;
    if (backoffBad || maxBackoffBad || effectiveBackoff.compareTo(effectiveMax) <= 0) {
      return new ThrottleRetry(
          attempts == null ? inherited.attempts() : attempts,
          backoffBad ? inherited.backoff() : effectiveBackoff,
          maxBackoffBad ? inherited.maxBackoff() : effectiveMax);
    }
    // Reported at the key written here: backoff when it is, else maxBackoff.
    if (backoff != null) {
      retry
          .scope()
          .error(
              retry.raw("backoff"),
              retry.child("backoff"),
              "must be at most maxBackoff ("
                  + Durations.text(effectiveMax)
                  + (maxBackoff == null ? ", inherited" : "")
                  + "), but was "
                  + Durations.text(backoff));
    } else {
      retry
          .scope()
          .error(
              retry.raw("maxBackoff"),
              retry.child("maxBackoff"),
              "must be at least backoff ("
                  + Durations.text(effectiveBackoff)
                  + ", inherited), but was "
                  + Durations.text(maxBackoff));
    }
    return inherited;
  }
}
