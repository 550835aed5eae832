package dev.strangler.proxy.edge.limits;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.util.OptionalLong;

/**
 * How many public connections the process's file-descriptor limit leaves room for. A client
 * connection may need a second descriptor for its upstream connection, and the process needs some
 * for itself (jars, logs, event loops, the Lambda client), so the budget is half of what is left
 * after a reserve. Staying inside it means the proxy never runs out of descriptors, where it could
 * no longer accept anybody, the honest clients included.
 */
final class FileDescriptorBudget {
  private FileDescriptorBudget() {}

  /** Descriptors kept for everything that is not a client or upstream connection. */
  static final int RESERVE = 256;

  /** The fewest connections the budget ever allows, however low the limit. */
  static final int FLOOR = 16;

  /** The most public connections a limit of {@code fileDescriptors} leaves room for. */
  static int connectionsFor(long fileDescriptors) {
    long room = (fileDescriptors - RESERVE) / 2;
    return (int) Math.max(FLOOR, Math.min(Integer.MAX_VALUE, room));
  }

  /** This process's limit on open file descriptors, where the platform tells it. */
  static OptionalLong processLimit() {
    OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
      long max = unix.getMaxFileDescriptorCount();
      return max > 0 ? OptionalLong.of(max) : OptionalLong.empty();
    }
    return OptionalLong.empty();
  }
}
