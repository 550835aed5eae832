package dev.strangler.proxy.rules;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The rules in force, swapped atomically: a request reads {@link #current()} once and keeps that
 * rule set from start to end, whatever reloads happen meanwhile.
 */
public final class RulesState {

  private final AtomicReference<LoadedRules> current;
  private final AtomicReference<ReloadFailure> lastFailure = new AtomicReference<>();
  private final List<Consumer<ReloadOutcome>> listeners = new CopyOnWriteArrayList<>();

  public RulesState(LoadedRules initial) {
    this.current = new AtomicReference<>(initial);
  }

  public LoadedRules current() {
    return current.get();
  }

  /** The last change that was rejected, or {@code null} if the last change was applied. */
  public ReloadFailure lastFailure() {
    return lastFailure.get();
  }

  void applied(LoadedRules rules) {
    current.set(rules);
    lastFailure.set(null);
    listeners.forEach(listener -> listener.accept(new ReloadOutcome.Applied(rules)));
  }

  /** The file is back to the content in force: the last rejection no longer applies. */
  void recovered() {
    lastFailure.set(null);
  }

  void rejected(ReloadFailure failure) {
    lastFailure.set(failure);
    listeners.forEach(listener -> listener.accept(new ReloadOutcome.Rejected(failure)));
  }

  /** Called after each reload attempt, on the watcher's thread. */
  public void onReload(Consumer<ReloadOutcome> listener) {
    listeners.add(listener);
  }

  /** What a reload attempt did. */
  public sealed interface ReloadOutcome {
    record Applied(LoadedRules rules) implements ReloadOutcome {}

    record Rejected(ReloadFailure failure) implements ReloadOutcome {}
  }
}
