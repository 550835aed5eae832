package dev.strangler.proxy.admin;

/**
 * What one backend of one route did over a window.
 *
 * @param requests requests that ended in the window
 * @param requestsPerSecond requests divided by the time the window covers (less than its length
 *     right after start)
 * @param errorPercent share of requests answered with a 5xx, or not answered at all
 * @param fallbackPercent share of requests that the rule sent to Lambda and the monolith served
 * @param p50Millis median latency, estimated from a log-scale histogram (within a factor of √2), or
 *     {@code null} without requests
 * @param p99Millis 99th percentile latency, estimated the same way, or {@code null}
 */
public record TrafficFigures(
    long requests,
    double requestsPerSecond,
    double errorPercent,
    double fallbackPercent,
    Double p50Millis,
    Double p99Millis) {

  static TrafficFigures of(RollingWindow.Totals totals, double seconds) {
    long requests = totals.requests();
    return new TrafficFigures(
        requests,
        round(requests / seconds),
        percent(totals.errors(), requests),
        percent(totals.fallbacks(), requests),
        millis(totals.quantileNanos(0.50)),
        millis(totals.quantileNanos(0.99)));
  }

  private static double percent(long part, long whole) {
    return whole == 0 ? 0 : round(100.0 * part / whole);
  }

  private static Double millis(long nanos) {
    return nanos < 0 ? null : round(nanos / 1e6);
  }

  private static double round(double value) {
    return Math.round(value * 1000) / 1000.0;
  }
}
