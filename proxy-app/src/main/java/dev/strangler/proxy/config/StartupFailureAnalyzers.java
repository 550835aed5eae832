package dev.strangler.proxy.config;

import dev.strangler.rules.model.RuleError;
import dev.strangler.rules.model.RuleSetException;
import java.util.stream.Collectors;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Start-up failures explained in the user's terms, without a stack trace. */
public final class StartupFailureAnalyzers {
  private StartupFailureAnalyzers() {}

  static final String SETTINGS_ACTION =
      "Fix the setting (as a command-line --argument, an environment variable or in"
          + " application.yaml); README.md lists every strangler.* setting with an example.";

  /** A setting whose value cannot be used. */
  public static final class InvalidSetting
      extends AbstractFailureAnalyzer<InvalidSettingException> {
    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidSettingException cause) {
      return new FailureAnalysis(
          ConfigurationFailureAnalyzer.line(cause.property(), cause.value(), cause.reason(), null),
          SETTINGS_ACTION,
          cause);
    }
  }

  /** A rules file with errors: every error, one per line, with file:line:column. */
  public static final class InvalidRules extends AbstractFailureAnalyzer<RuleSetException> {
    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, RuleSetException cause) {
      String errors =
          cause.errors().stream()
              .map(RuleError::toString)
              .map(error -> "  " + error)
              .collect(Collectors.joining(System.lineSeparator()));
      return new FailureAnalysis(
          "The route rules file is invalid:" + System.lineSeparator() + errors,
          "Fix the file and start again. The lint command lists the same problems without"
              + " starting the proxy: java -jar route-rules-cli.jar lint <file>",
          cause);
    }
  }
}
