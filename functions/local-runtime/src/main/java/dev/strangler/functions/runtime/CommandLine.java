package dev.strangler.functions.runtime;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;

/** The command line of {@link LocalLambdaRuntime#main}. */
record CommandLine(Config config, boolean helpRequested) {

  static final String USAGE =
      """
      Usage: java -jar local-runtime.jar [options]

        --template PATH           SAM template (default: template.yaml)
        --host HOST               address to listen on (default: 127.0.0.1)
        --port PORT               port to listen on, 0 for any free one (default: 3001)
        --parameter NAME=VALUE    template parameter value; repeatable
        --idle-timeout DURATION   how long a warm environment waits for work before it is
                                  discarded: 500ms, 30s, 5m or PT5M (default: 5m)
        --default-concurrency N   limit of functions without ReservedConcurrentExecutions
                                  (default: 10)
        --region REGION           region of ARNs and AWS_REGION (default: us-east-1)
        --quiet                   do not echo function logs to stderr
        --help                    this text

      Point an AWS SDK client's endpointOverride at the printed URL. Admin API under /_local/
      (health, functions, faults): see functions/local-runtime/README.md.""";

  CommandLine {
    Objects.requireNonNull(config, "config");
  }

  /**
   * @throws IllegalArgumentException naming the option that is wrong
   */
  static CommandLine parse(String... args) {
    Config config = Config.defaults(Path.of("template.yaml"));
    Path template = null;
    boolean help = false;
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      if (option.equals("--help") || option.equals("-h")) {
        help = true;
        continue;
      }
      if (option.equals("--quiet")) {
        config = config.withFunctionLogs(new PrintStream(OutputStream.nullOutputStream()));
        continue;
      }
      String value;
      int equals = option.indexOf('=');
      if (option.startsWith("--") && equals > 0 && !option.startsWith("--parameter=")) {
        value = option.substring(equals + 1);
        option = option.substring(0, equals);
      } else if (option.startsWith("--parameter=")) {
        value = option.substring("--parameter=".length());
        option = "--parameter";
      } else {
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException(option + " needs a value");
        }
        value = args[++i];
      }
      switch (option) {
        case "--template" -> template = Path.of(value);
        case "--host" -> config = config.withHost(value);
        case "--port" -> config = config.withPort(integer(option, value));
        case "--parameter" -> {
          int separator = value.indexOf('=');
          if (separator <= 0) {
            throw new IllegalArgumentException(
                "--parameter takes NAME=VALUE, but was '" + value + "'");
          }
          config =
              config.withParameter(value.substring(0, separator), value.substring(separator + 1));
        }
        case "--idle-timeout" -> config = config.withIdleTimeout(duration(option, value));
        case "--default-concurrency" ->
            config = config.withDefaultConcurrency(integer(option, value));
        case "--region" -> config = config.withRegion(value);
        default -> throw new IllegalArgumentException("Unknown option " + option);
      }
    }
    if (template != null) {
      config = config.withTemplate(template);
    }
    return new CommandLine(config, help);
  }

  private static int integer(String option, String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          option + " must be a whole number, but was '" + value + "'");
    }
  }

  /** {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h} or ISO-8601 ({@code PT5M}). */
  static Duration duration(String option, String value) {
    String text = value.trim().toLowerCase(Locale.ROOT);
    try {
      if (text.startsWith("pt")) {
        return Duration.parse(text.toUpperCase(Locale.ROOT));
      }
      if (text.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
      }
      long amount = Long.parseLong(text.substring(0, text.length() - 1));
      return switch (text.charAt(text.length() - 1)) {
        case 's' -> Duration.ofSeconds(amount);
        case 'm' -> Duration.ofMinutes(amount);
        case 'h' -> Duration.ofHours(amount);
        default -> throw new NumberFormatException();
      };
    } catch (NumberFormatException | DateTimeParseException | StringIndexOutOfBoundsException e) {
      throw new IllegalArgumentException(
          option + " must be a duration such as 500ms, 30s, 5m or PT5M, but was '" + value + "'");
    }
  }
}
