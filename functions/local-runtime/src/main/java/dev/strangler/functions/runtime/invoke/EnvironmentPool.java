package dev.strangler.functions.runtime.invoke;

import dev.strangler.functions.runtime.sandbox.ExecutionEnvironment;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One function's execution environments: the warm ones waiting for work (per version: each version
 * has its own environments on Lambda) and the busy ones. The most recently used warm environment is
 * reused first, so that idle ones age and are reaped. Thread-safe; environments are discarded by
 * the caller, outside the lock.
 */
final class EnvironmentPool {

  private record Idle(ExecutionEnvironment environment, Instant since) {}

  private final Map<String, Deque<Idle>> idle = new HashMap<>();
  private final Set<ExecutionEnvironment> busy = new HashSet<>();

  synchronized Optional<ExecutionEnvironment> takeWarm(String version) {
    Deque<Idle> waiting = idle.get(version);
    if (waiting == null || waiting.isEmpty()) {
      return Optional.empty();
    }
    ExecutionEnvironment environment = waiting.pop().environment();
    busy.add(environment);
    return Optional.of(environment);
  }

  synchronized void addBusy(ExecutionEnvironment environment) {
    busy.add(environment);
  }

  synchronized void release(ExecutionEnvironment environment, Instant now) {
    if (busy.remove(environment)) {
      idle.computeIfAbsent(environment.version(), v -> new ArrayDeque<>())
          .push(new Idle(environment, now));
    }
  }

  synchronized void remove(ExecutionEnvironment environment) {
    busy.remove(environment);
  }

  /** Takes out the warm environments idle since before {@code cutoff}. */
  synchronized List<ExecutionEnvironment> removeIdleSince(Instant cutoff) {
    List<ExecutionEnvironment> expired = new ArrayList<>();
    for (Deque<Idle> waiting : idle.values()) {
      for (Iterator<Idle> it = waiting.iterator(); it.hasNext(); ) {
        Idle entry = it.next();
        if (entry.since().isBefore(cutoff)) {
          expired.add(entry.environment());
          it.remove();
        }
      }
    }
    return expired;
  }

  /** Takes out every environment, busy ones included: the runtime is stopping. */
  synchronized List<ExecutionEnvironment> removeAll() {
    List<ExecutionEnvironment> all = new ArrayList<>(busy);
    idle.values().forEach(waiting -> waiting.forEach(entry -> all.add(entry.environment())));
    busy.clear();
    idle.clear();
    return all;
  }

  synchronized int warm() {
    return idle.values().stream().mapToInt(Deque::size).sum();
  }

  synchronized int busy() {
    return busy.size();
  }
}
