package dev.strangler.proxy.edge.limits;

import java.net.InetAddress;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Counts the public port's open connections, in total and per client address, and says whether one
 * more may be admitted. Thread-safe: connections open and close on every event loop. Each admitted
 * connection must be {@linkplain #release released} exactly once.
 */
public final class ConnectionLimits {

  /** The answer for a new connection. */
  public enum Admission {
    ADMITTED,
    /** The port holds {@code max-connections}. */
    OVER_TOTAL,
    /** This client address holds {@code max-connections-per-client}. */
    OVER_PER_CLIENT
  }

  private final int maxTotal;
  private final int maxPerClient;
  private final Predicate<InetAddress> exempt;
  private final AtomicInteger total = new AtomicInteger();
  private final ConcurrentHashMap<InetAddress, Integer> perClient = new ConcurrentHashMap<>();

  /**
   * @param maxTotal the most connections at once
   * @param maxPerClient the most connections of one client address at once
   * @param exempt addresses without a per-client cap (load balancers carrying many clients)
   */
  public ConnectionLimits(int maxTotal, int maxPerClient, Predicate<InetAddress> exempt) {
    if (maxTotal < 1 || maxPerClient < 1) {
      throw new IllegalArgumentException(
          "limits must be at least 1, but were " + maxTotal + " and " + maxPerClient);
    }
    this.maxTotal = maxTotal;
    this.maxPerClient = maxPerClient;
    this.exempt = Objects.requireNonNull(exempt, "exempt");
  }

  /** Admits and counts a connection from {@code client}, or says why not (and counts nothing). */
  public Admission tryAdmit(InetAddress client) {
    if (total.incrementAndGet() > maxTotal) {
      total.decrementAndGet();
      return Admission.OVER_TOTAL;
    }
    if (exempt.test(client)) {
      return Admission.ADMITTED;
    }
    if (perClient.merge(client, 1, Integer::sum) > maxPerClient) {
      releaseClient(client);
      total.decrementAndGet();
      return Admission.OVER_PER_CLIENT;
    }
    return Admission.ADMITTED;
  }

  /** Forgets an admitted connection of {@code client}. */
  public void release(InetAddress client) {
    total.decrementAndGet();
    if (!exempt.test(client)) {
      releaseClient(client);
    }
  }

  /** Each key is updated atomically; an entry goes with its client's last connection. */
  private void releaseClient(InetAddress client) {
    perClient.computeIfPresent(client, (address, count) -> count <= 1 ? null : count - 1);
  }

  public int open() {
    return total.get();
  }

  public int openFrom(InetAddress client) {
    return perClient.getOrDefault(client, 0);
  }

  public int maxTotal() {
    return maxTotal;
  }

  public int maxPerClient() {
    return maxPerClient;
  }

  @Override
  public String toString() {
    return "ConnectionLimits[open="
        + total.get()
        + "/"
        + maxTotal
        + ", perClient="
        + maxPerClient
        + "]";
  }
}
