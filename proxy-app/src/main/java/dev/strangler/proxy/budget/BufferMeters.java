package dev.strangler.proxy.budget;

import static java.util.Objects.requireNonNull;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The budget's meters: {@code strangler.buffer.bytes} (held now), {@code strangler.buffer.limit},
 * {@code strangler.buffer.peak}, and {@code strangler.buffer.refused} by {@code route} and {@code
 * action}: {@code monolith} (served there, its body unread or replayed) or {@code 503}.
 */
public final class BufferMeters {

  /** What became of a request the budget had no room for. */
  public enum Action {
    MONOLITH("monolith"),
    UNAVAILABLE("503");

    private final String tag;

    Action(String tag) {
      this.tag = tag;
    }

    public String tag() {
      return tag;
    }
  }

  private record Refusal(String route, Action action) {}

  private final MeterRegistry registry;
  private final Map<Refusal, Counter> refused = new ConcurrentHashMap<>();

  public BufferMeters(BodyBudget budget, MeterRegistry registry) {
    requireNonNull(budget, "budget");
    this.registry = requireNonNull(registry, "registry");
    Gauge.builder("strangler.buffer.bytes", budget, BodyBudget::inUse)
        .description("Bytes of request bodies and Lambda events held in memory now")
        .baseUnit("bytes")
        .register(registry);
    Gauge.builder("strangler.buffer.limit", budget, BodyBudget::limit)
        .description("The most bytes of request bodies and Lambda events held at once")
        .baseUnit("bytes")
        .register(registry);
    Gauge.builder("strangler.buffer.peak", budget, BodyBudget::peak)
        .description("The most bytes held at once since the start")
        .baseUnit("bytes")
        .register(registry);
  }

  /** One request the budget had no room for. */
  public void refused(String route, Action action) {
    refused
        .computeIfAbsent(
            new Refusal(route, action),
            key ->
                Counter.builder("strangler.buffer.refused")
                    .description("Requests whose body did not fit in the memory budget")
                    .tag("route", key.route())
                    .tag("action", key.action().tag())
                    .register(registry))
        .increment();
  }
}
