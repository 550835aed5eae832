package dev.strangler.proxy.rules;

import dev.strangler.rules.model.RuleError;
import dev.strangler.rules.model.RuleSetException;
import dev.strangler.rules.routing.RouteTable;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Applies changes to the rules file without a restart.
 *
 * <p>It polls the file's content rather than listening for file events: polling sees an editor's
 * write in place, its write-then-rename and a Kubernetes ConfigMap's symlink swap alike. A new
 * content is applied once two polls in a row read it, so a half-written file is never compiled; an
 * invalid one is rejected whole and reported once, and the last good rules stay in force.
 */
public final class RulesFileWatcher implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(RulesFileWatcher.class);

  private final RulesFile file;
  private final RulesState state;
  private final Duration pollInterval;
  private final Clock clock;
  private ScheduledExecutorService executor;

  private String pendingHash;
  private String rejectedHash;
  private boolean unreadableReported;

  public RulesFileWatcher(RulesFile file, RulesState state, Duration pollInterval, Clock clock) {
    this.file = file;
    this.state = state;
    this.pollInterval = pollInterval;
    this.clock = clock;
  }

  /** One poll; called by the watcher's own thread, and directly by tests. */
  synchronized void poll() {
    byte[] content;
    try {
      content = file.read();
    } catch (IOException | RuntimeException e) {
      if (!unreadableReported) {
        log.warn(
            "Rules file {} cannot be read ({}); version {} stays in force",
            file,
            e.toString(),
            state.current().version());
        unreadableReported = true;
      }
      return;
    }
    unreadableReported = false;
    String hash = RulesFile.hash(content);
    if (hash.equals(state.current().contentHash())) {
      pendingHash = null;
      rejectedHash = null;
      if (state.lastFailure() != null) {
        state.recovered();
      }
      return;
    }
    if (hash.equals(rejectedHash)) {
      return;
    }
    if (!hash.equals(pendingHash)) {
      pendingHash = hash; // apply once the next poll reads the same content
      return;
    }
    pendingHash = null;
    apply(content, hash);
  }

  private void apply(byte[] content, String hash) {
    RouteTable table;
    try {
      table = file.compile(content);
    } catch (RuleSetException e) {
      reject(hash, e.errors().stream().map(RuleError::toString).toList());
      return;
    } catch (RuntimeException e) {
      reject(hash, List.of("the rules could not be compiled: " + e));
      return;
    }
    LoadedRules rules =
        new LoadedRules(table, state.current().version() + 1, clock.instant(), hash);
    rejectedHash = null;
    state.applied(rules);
    log.info(
        "Applied rules version {} from {} ({} rules)",
        rules.version(),
        file,
        table.rules().routes().size());
  }

  private void reject(String hash, List<String> errors) {
    rejectedHash = hash;
    state.rejected(new ReloadFailure(clock.instant(), hash, errors));
    log.error(
        "Rejected a change to {}; version {} stays in force:{}{}",
        file,
        state.current().version(),
        System.lineSeparator(),
        String.join(System.lineSeparator(), errors));
  }

  @Override
  public synchronized void start() {
    executor =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "rules-watcher");
              thread.setDaemon(true);
              return thread;
            });
    long millis = pollInterval.toMillis();
    executor.scheduleWithFixedDelay(this::pollSafely, millis, millis, TimeUnit.MILLISECONDS);
  }

  private void pollSafely() {
    try {
      poll();
    } catch (RuntimeException e) {
      log.error("Watching {} failed once; it goes on", file, e);
    }
  }

  @Override
  public synchronized void stop() {
    if (executor != null) {
      executor.shutdownNow();
      executor = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return executor != null;
  }

  @Override
  public String toString() {
    return "RulesFileWatcher[" + file + " every " + pollInterval + "]";
  }
}
