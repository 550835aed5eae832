package dev.strangler.proxy.rules;

import dev.strangler.proxy.config.InvalidSettingException;
import dev.strangler.proxy.config.StranglerProperties;
import dev.strangler.rules.model.RuleSet;
import dev.strangler.rules.routing.RouteTable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Loads the rules at start (failing fast on errors) and keeps them current. */
@Configuration(proxyBeanMethods = false)
class RulesConfiguration {

  @Bean
  @ConditionalOnMissingBean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  RulesState rulesState(StranglerProperties properties, Clock clock) {
    Path path = properties.rules().file();
    if (path == null) {
      RouteTable none = RouteTable.compile(RuleSet.empty("(no rules file)"));
      return new RulesState(new LoadedRules(none, 1, clock.instant(), ""));
    }
    RulesFile file = new RulesFile(path);
    byte[] content;
    try {
      content = file.read();
    } catch (IOException e) {
      throw new InvalidSettingException(
          "strangler.rules.file", path, "cannot be read (" + e + ")", e);
    }
    RouteTable table = file.compile(content); // RuleSetException stops the start, explained
    return new RulesState(new LoadedRules(table, 1, clock.instant(), RulesFile.hash(content)));
  }

  @Bean
  @ConditionalOnProperty("strangler.rules.file")
  RulesFileWatcher rulesFileWatcher(StranglerProperties properties, RulesState state, Clock clock) {
    return new RulesFileWatcher(
        new RulesFile(properties.rules().file()), state, properties.rules().pollInterval(), clock);
  }

  @Bean
  RulesMeters rulesMeters(RulesState state) {
    return new RulesMeters(state);
  }

  @Bean
  RulesEndpoint rulesEndpoint(StranglerProperties properties, RulesState state) {
    return new RulesEndpoint(properties.rules().file(), state);
  }
}
