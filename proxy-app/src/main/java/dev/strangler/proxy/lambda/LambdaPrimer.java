package dev.strangler.proxy.lambda;

import dev.strangler.proxy.rules.LoadedRules;
import dev.strangler.proxy.rules.RulesState;
import dev.strangler.proxy.rules.RulesState.ReloadOutcome;
import dev.strangler.rules.model.LambdaTarget;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

/**
 * Primes the Lambda client when the proxy starts and when rules name new functions: a {@code
 * DryRun} invocation of each function opens connections and loads the client's classes ahead of the
 * first real request, and reveals a missing function or permission in the log at once.
 */
final class LambdaPrimer implements ApplicationListener<ApplicationReadyEvent> {

  private static final Logger log = LoggerFactory.getLogger(LambdaPrimer.class);
  private static final Duration BUDGET = Duration.ofSeconds(5);

  private final LambdaInvoker invoker;
  private final RulesState rules;
  private final Set<String> primed = ConcurrentHashMap.newKeySet();

  LambdaPrimer(LambdaInvoker invoker, RulesState rules) {
    this.invoker = invoker;
    this.rules = rules;
  }

  @Override
  public void onApplicationEvent(ApplicationReadyEvent event) {
    log.info(
        "Priming the Lambda client for {} rules", rules.current().table().rules().routes().size());
    prime(rules.current());
    rules.onReload(
        outcome -> {
          if (outcome instanceof ReloadOutcome.Applied applied) {
            prime(applied.rules());
          }
        });
  }

  private void prime(LoadedRules loaded) {
    loaded.table().rules().routes().stream()
        .map(rule -> rule.lambda())
        .filter(target -> primed.add(target.function() + ":" + target.qualifier()))
        .forEach(this::prime);
  }

  private void prime(LambdaTarget target) {
    invoker
        .dryRun(target.function(), target.qualifier(), BUDGET)
        .subscribe(
            outcome -> {
              if (outcome instanceof InvocationOutcome.Success) {
                log.info(
                    "Lambda function {} is ready ({} ms)",
                    describe(target),
                    outcome.latency().toMillis());
              } else {
                log.warn("Lambda function {} cannot be invoked yet: {}", describe(target), outcome);
                primed.remove(target.function() + ":" + target.qualifier());
              }
            });
  }

  private static String describe(LambdaTarget target) {
    return target.qualifier() == null
        ? target.function()
        : target.function() + ":" + target.qualifier();
  }
}
