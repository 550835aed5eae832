package dev.strangler.proxy.edge.limits;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.util.Optional;

/**
 * How many public connections the process's file-descriptor limit leaves room for. Staying inside
 * it means the proxy never runs out of descriptors, where it could no longer accept anybody, the
 * honest clients included.
 *
 * <p>What a descriptor is spent on:
 *
 * <ul>
 *   <li>what the process already holds when the caps are set: jars, logs, the JVM's own; measured,
 *       not guessed (a test JVM with its classpath of jars holds about 250);
 *   <li>a {@link #RESERVE} for what opens after that and is not a public connection: event loops,
 *       the management port and its scrapers, refusals being answered ({@link
 *       ConnectionGate#MAX_LINGERING} of them linger), the Lambda client's own event loops;
 *   <li>per public connection, the connection and one to the monolith: each connection carries one
 *       request at a time, and the monolith client's pool keeps no more connections than there were
 *       requests at once;
 *   <li>the Lambda client's connections ({@code strangler.lambda.max-connections}): they stay open
 *       in its own pool, idle, while the same client connections use the monolith, but there are
 *       never more of them than public connections.
 * </ul>
 */
final class FileDescriptorBudget {
  private FileDescriptorBudget() {}

  /** Descriptors kept for what opens after start and is not a client or upstream connection. */
  static final int RESERVE = 256;

  /** The fewest connections the budget ever allows, however low the limit. */
  static final int FLOOR = 16;

  /**
   * This process's descriptors.
   *
   * @param limit the most it may open ({@code ulimit -n})
   * @param open how many it holds now
   */
  record Descriptors(long limit, long open) {
    Descriptors {
      if (limit < 1 || open < 0) {
        throw new IllegalArgumentException("descriptors " + open + " of " + limit);
      }
    }
  }

  /**
   * The most public connections {@code descriptors} leave room for, each with its monolith
   * connection, next to a Lambda client of up to {@code lambdaConnections}.
   */
  static int connectionsFor(Descriptors descriptors, int lambdaConnections) {
    long room = descriptors.limit() - descriptors.open() - RESERVE;
    // c connections need 2c + min(lambda, c) descriptors.
    long connections = room / 3 <= lambdaConnections ? room / 3 : (room - lambdaConnections) / 2;
    return (int) Math.max(FLOOR, Math.min(Integer.MAX_VALUE, connections));
  }

  /** This process's limit on open descriptors and its use now, where the platform tells them. */
  static Optional<Descriptors> ofThisProcess() {
    OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
      long max = unix.getMaxFileDescriptorCount();
      long open = unix.getOpenFileDescriptorCount();
      return max > 0 && open >= 0 ? Optional.of(new Descriptors(max, open)) : Optional.empty();
    }
    return Optional.empty();
  }
}
