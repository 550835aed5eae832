package dev.strangler.proxy.observe;

import io.micrometer.core.instrument.config.MeterFilter;
import java.util.List;

/**
 * Bounds on the number of series the proxy's own meters may make, so that a huge rules file or a
 * function publishing a new version every minute cannot flood Prometheus: past a bound, new series
 * are dropped (the existing ones keep counting).
 */
final class MeterLimits {

  /** Distinct rule ids per meter; far above any migration's rule count. */
  static final int MAX_ROUTES = 1_000;

  /** Distinct executed Lambda versions per function meter. */
  static final int MAX_VERSIONS = 100;

  private MeterLimits() {}

  static List<MeterFilter> filters() {
    return List.of(
        MeterFilter.maximumAllowableTags(
            RequestMeters.NAME, "route", MAX_ROUTES, MeterFilter.deny()),
        MeterFilter.maximumAllowableTags(
            "strangler.fallbacks", "route", MAX_ROUTES, MeterFilter.deny()),
        MeterFilter.maximumAllowableTags(
            "strangler.canary.percent", "route", MAX_ROUTES, MeterFilter.deny()),
        MeterFilter.maximumAllowableTags(
            "strangler.lambda.invocations", "version", MAX_VERSIONS, MeterFilter.deny()));
  }
}
