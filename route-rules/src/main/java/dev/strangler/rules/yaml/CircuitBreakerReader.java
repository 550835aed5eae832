package dev.strangler.rules.yaml;

import dev.strangler.rules.model.Fallback.CircuitBreaker;
import java.time.Duration;

/** Reads {@code fallback.circuitBreaker}, key by key over the breaker it inherits. */
final class CircuitBreakerReader {

  static final int MAX_WINDOW = 1_000;
  static final int MAX_HALF_OPEN_CALLS = 100;

  private CircuitBreakerReader() {}

  static CircuitBreaker read(Fields fallback, CircuitBreaker inherited) {
    Fields breaker = fallback.fields("circuitBreaker", false, Keys.CIRCUIT_BREAKER);
    if (breaker == null) {
      return inherited;
    }
    Integer failureRate = Values.integer(breaker, "failureRate", 1, 100);
    Integer slowCallRate = Values.integer(breaker, "slowCallRate", 1, 100);
    Duration slowCall = Values.duration(breaker, "slowCall", Durations.MIN, Durations.MAX);
    Integer window = Values.integer(breaker, "window", 1, MAX_WINDOW);
    Integer minimumCalls = Values.integer(breaker, "minimumCalls", 1, MAX_WINDOW);
    Duration openFor = Values.duration(breaker, "openFor", Durations.MIN_OPEN, Durations.MAX_OPEN);
    Integer halfOpenCalls = Values.integer(breaker, "halfOpenCalls", 1, MAX_HALF_OPEN_CALLS);
    boolean windowBad = breaker.has("window") && window == null;
    boolean minimumCallsBad = breaker.has("minimumCalls") && minimumCalls == null;
    if (!windowBad && !minimumCallsBad) {
      checkMinimumCallsFitWindow(breaker, window, minimumCalls, inherited);
    }
    return new CircuitBreaker(
        failureRate == null ? inherited.failureRatePercent() : failureRate,
        slowCallRate == null ? inherited.slowCallRatePercent() : slowCallRate,
        slowCall == null ? inherited.slowCallDuration() : slowCall,
        window == null ? inherited.window() : window,
        minimumCalls == null ? inherited.minimumCalls() : minimumCalls,
        openFor == null ? inherited.openFor() : openFor,
        halfOpenCalls == null ? inherited.halfOpenCalls() : halfOpenCalls);
  }

  /**
   * Reports at the key written here: {@code minimumCalls} when it is, else {@code window}. When
   * neither is, both were inherited and any conflict was reported where they were written.
   */
  private static void checkMinimumCallsFitWindow(
      Fields breaker, Integer window, Integer minimumCalls, CircuitBreaker inherited) {
    int effectiveWindow = window == null ? inherited.window() : window;
    int effectiveMinimum = minimumCalls == null ? inherited.minimumCalls() : minimumCalls;
    if (effectiveMinimum <= effectiveWindow) {
      return;
    }
    if (minimumCalls != null) {
      breaker
          .scope()
          .error(
              breaker.raw("minimumCalls"),
              breaker.child("minimumCalls"),
              "must be at most window ("
                  + effectiveWindow
                  + (window == null ? ", inherited" : "")
                  + "), but was "
                  + minimumCalls);
    } else if (window != null) {
      breaker
          .scope()
          .error(
              breaker.raw("window"),
              breaker.child("window"),
              "must be at least minimumCalls ("
                  + effectiveMinimum
                  + ", inherited), but was "
                  + window);
    }
  }
}
