package dev.strangler.proxy.observe;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code strangler.requests}: every finished request, timed from arrival to the end of its
 * response, by {@code route} (rule id or {@code monolith-default}), {@code backend} ({@code
 * lambda}, {@code monolith}, {@code proxy}), {@code outcome} ({@code 2xx}…{@code 5xx}, {@code
 * cancelled}) and {@code fallback} ({@code true} when the monolith served a request its rule sent
 * to Lambda). Never a path: tags are rule ids and fixed words.
 */
public final class RequestMeters implements RequestObserver {

  public static final String NAME = "strangler.requests";

  private final MeterRegistry registry;
  private final Map<Series, Timer> timers = new ConcurrentHashMap<>();

  /** One timer's tags; looked up per request, so kept cheaper than a registry lookup. */
  private record Series(String route, ServedBy backend, String outcome, boolean fallback) {}

  public RequestMeters(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void completed(CompletedRequest request) {
    timers
        .computeIfAbsent(
            new Series(request.route(), request.servedBy(), request.outcome(), request.fellBack()),
            this::timer)
        .record(request.latency());
  }

  private Timer timer(Series series) {
    return Timer.builder(NAME)
        .description("Requests through the proxy, by rule, backend, status class and fallback")
        .tag("route", series.route())
        .tag("backend", series.backend().tag())
        .tag("outcome", series.outcome())
        .tag("fallback", Boolean.toString(series.fallback()))
        .register(registry);
  }

  @Override
  public String toString() {
    return "RequestMeters";
  }
}
