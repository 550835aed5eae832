package dev.strangler.proxy.rules;

import dev.strangler.rules.model.RouteRule;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/** {@code /actuator/rules}: the rules in force and why the last change was rejected, if it was. */
@Endpoint(id = "rules")
public final class RulesEndpoint {

  private final Path file;
  private final RulesState state;

  RulesEndpoint(Path file, RulesState state) {
    this.file = file;
    this.state = state;
  }

  @ReadOperation
  public Report report() {
    LoadedRules current = state.current();
    List<RuleSummary> rules =
        current.table().rules().routes().stream().map(RuleSummary::of).toList();
    return new Report(
        file == null ? null : file.toString(),
        current.version(),
        current.loadedAt(),
        current.contentHash(),
        rules,
        state.lastFailure());
  }

  /** The endpoint's answer. */
  public record Report(
      String file,
      long version,
      Instant loadedAt,
      String contentHash,
      List<RuleSummary> rules,
      ReloadFailure lastReloadFailure) {}

  /** One rule as operators look at it. */
  public record RuleSummary(
      String id, List<String> paths, String function, String qualifier, String percent) {
    static RuleSummary of(RouteRule rule) {
      return new RuleSummary(
          rule.id(),
          rule.match().paths(),
          rule.lambda().function(),
          rule.lambda().qualifier(),
          rule.canary().percentText());
    }
  }
}
