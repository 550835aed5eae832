package dev.strangler.proxy.admin;

import dev.strangler.proxy.observe.CompletedRequest;
import dev.strangler.proxy.observe.RequestObserver;
import dev.strangler.proxy.observe.ServedBy;
import dev.strangler.rules.routing.Backend;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Live figures per route and backend over the last minutes, for the admin view. A request counts on
 * the backend its decision chose: a fallback counts on {@code lambda}, whoever served it, so that
 * the lambda side shows how often the function let the rule down. Requests the proxy itself
 * answered (rejected paths) are not counted here.
 *
 * <p>On the request thread it costs a map look-up and a few atomic increments; no lock is taken.
 */
public final class LiveTraffic implements RequestObserver {

  private final LongSupplier nanoTime;
  private final long origin;
  private final long slotNanos;
  private final int ringSlots;
  private final Map<String, RollingWindow[]> routes = new ConcurrentHashMap<>();

  /**
   * @param nanoTime a monotonic clock in nanoseconds, {@code System::nanoTime} outside tests
   * @param slot the width of one time slot; figures move in steps of it
   * @param longestWindow the longest window that will be asked for
   */
  public LiveTraffic(LongSupplier nanoTime, Duration slot, Duration longestWindow) {
    this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    this.slotNanos = slot.toNanos();
    if (slotNanos <= 0 || longestWindow.toNanos() % slotNanos != 0) {
      throw new IllegalArgumentException(
          "the longest window ("
              + longestWindow
              + ") must be a multiple of the slot ("
              + slot
              + ")");
    }
    this.ringSlots = (int) (longestWindow.toNanos() / slotNanos) + 1;
    this.origin = nanoTime.getAsLong();
  }

  @Override
  public void completed(CompletedRequest request) {
    if (request.servedBy() == ServedBy.PROXY) {
      return;
    }
    Backend backend =
        request.fellBack() || request.servedBy() == ServedBy.LAMBDA
            ? Backend.LAMBDA
            : Backend.MONOLITH;
    windows(request.route())[backend.ordinal()].record(
        slotNow(), request.failed(), request.fellBack(), request.latency().toNanos());
  }

  private RollingWindow[] windows(String route) {
    RollingWindow[] windows = routes.get(route);
    if (windows != null) {
      return windows;
    }
    return routes.computeIfAbsent(
        route,
        r -> {
          RollingWindow[] fresh = new RollingWindow[Backend.values().length];
          for (int i = 0; i < fresh.length; i++) {
            fresh[i] = new RollingWindow(ringSlots);
          }
          return fresh;
        });
  }

  private long slotNow() {
    return (nanoTime.getAsLong() - origin) / slotNanos;
  }

  /**
   * The route's figures for one backend over the last {@code window} (a multiple of the slot, at
   * most the longest window), the current, partly elapsed slot included.
   */
  public TrafficFigures figures(String route, Backend backend, Duration window) {
    long slots = window.toNanos() / slotNanos;
    if (slots < 1 || slots >= ringSlots || window.toNanos() % slotNanos != 0) {
      throw new IllegalArgumentException("no figures kept for a window of " + window);
    }
    long elapsed = nanoTime.getAsLong() - origin;
    long current = elapsed / slotNanos;
    long first = current - slots + 1;
    // The time the window covers: from the start of its oldest slot, or of the clock, until now.
    long covered = elapsed - Math.max(first, 0) * slotNanos;
    double seconds = Math.max(covered, 1_000_000_000L) / 1e9;
    RollingWindow[] windows = routes.get(route);
    RollingWindow.Totals totals =
        windows == null
            ? new RollingWindow.Totals(0, 0, 0, new long[LatencyBins.COUNT])
            : windows[backend.ordinal()].sum(first, current);
    return TrafficFigures.of(totals, seconds);
  }

  /** Forgets the routes not in {@code keep}, e.g. rules a reload removed. */
  public void retainOnly(Set<String> keep) {
    routes.keySet().retainAll(keep);
  }

  @Override
  public String toString() {
    return "LiveTraffic[" + routes.size() + " routes, " + slotNanos / 1_000_000 + " ms slots]";
  }
}
