package dev.strangler.proxy.edge.limits;

import dev.strangler.proxy.config.InvalidSettingException;
import java.util.Optional;

/**
 * The connection caps in force: the configured ones, lowered to what the file-descriptor limit
 * allows.
 *
 * @param total the most public connections at once
 * @param perClient the most connections of one client address at once
 * @param lowered why the configured total was lowered, to be logged once at start; empty if it was
 *     not
 */
record ConnectionCaps(int total, int perClient, Optional<String> lowered) {

  /** One client may hold this share of all connections unless configured otherwise. */
  static final int DEFAULT_PER_CLIENT_DIVISOR = 4;

  ConnectionCaps {
    if (total < 1 || perClient < 1 || perClient > total) {
      throw new IllegalArgumentException("caps must be 1 <= perClient <= total");
    }
  }

  /**
   * Works out the caps from the settings and the process's descriptors.
   *
   * @param descriptors the process's descriptor limit and use at start, if known
   * @param lambdaConnections the most connections the Lambda client keeps open
   * @throws InvalidSettingException when the per-client cap exceeds the total one
   */
  static ConnectionCaps of(
      int maxConnections,
      Integer maxConnectionsPerClient,
      Optional<FileDescriptorBudget.Descriptors> descriptors,
      int lambdaConnections) {
    if (maxConnectionsPerClient != null && maxConnectionsPerClient > maxConnections) {
      throw new InvalidSettingException(
          "strangler.server.max-connections-per-client",
          maxConnectionsPerClient,
          "must not exceed strangler.server.max-connections (" + maxConnections + ")",
          null);
    }
    int total = maxConnections;
    Optional<String> lowered = Optional.empty();
    if (descriptors.isPresent()) {
      FileDescriptorBudget.Descriptors fds = descriptors.get();
      int room = FileDescriptorBudget.connectionsFor(fds, lambdaConnections);
      if (room < maxConnections) {
        total = room;
        lowered =
            Optional.of(
                "strangler.server.max-connections="
                    + maxConnections
                    + " needs more file descriptors than this process may open ("
                    + fds.limit()
                    + "), with "
                    + fds.open()
                    + " open at start and up to "
                    + lambdaConnections
                    + " for the Lambda client; holding at most "
                    + room
                    + " connections instead. Raise the limit (ulimit -n) to allow more.");
      }
    }
    int perClient =
        maxConnectionsPerClient == null
            ? Math.max(1, total / DEFAULT_PER_CLIENT_DIVISOR)
            : Math.min(maxConnectionsPerClient, total);
    return new ConnectionCaps(total, perClient, lowered);
  }
}
