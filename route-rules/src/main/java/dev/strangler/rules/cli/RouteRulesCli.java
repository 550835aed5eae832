package dev.strangler.rules.cli;

import dev.strangler.rules.model.RuleError;
import dev.strangler.rules.model.RuleSet;
import dev.strangler.rules.model.RuleSetException;
import dev.strangler.rules.routing.RouteTable;
import dev.strangler.rules.yaml.RuleSetLoader;
import java.io.PrintStream;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Checks rules files before they are deployed: {@code java -jar route-rules-cli.jar lint
 * routes.yaml}. Each file is loaded and compiled exactly as the proxy does it.
 */
public final class RouteRulesCli {

  /** Every file is valid. */
  public static final int OK = 0;

  /** At least one file has problems. */
  public static final int INVALID = 1;

  /** The command line itself is wrong. */
  public static final int USAGE = 2;

  private static final String USAGE_TEXT =
      """
      usage: route-rules lint <file>...
        Checks each rules file as the proxy would load it and prints every problem.
        Exit status: 0 all valid, 1 problems found, 2 usage error.""";

  private RouteRulesCli() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs one command; answers the exit status. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 1 && List.of("-h", "--help", "help").contains(args[0])) {
      out.println(USAGE_TEXT);
      return OK;
    }
    if (args.length < 2 || !args[0].equals("lint")) {
      err.println(
          args.length == 0 || args[0].equals("lint")
              ? "error: no file to lint"
              : "error: unknown command '" + args[0] + "'");
      err.println(USAGE_TEXT);
      return USAGE;
    }
    int status = OK;
    for (String file : Arrays.copyOfRange(args, 1, args.length)) {
      if (!lint(file, out, err)) {
        status = INVALID;
      }
    }
    return status;
  }

  private static boolean lint(String file, PrintStream out, PrintStream err) {
    try {
      RuleSet rules = RuleSetLoader.load(Path.of(file));
      compile(rules);
      int count = rules.routes().size();
      out.println("ok: " + file + " (" + count + (count == 1 ? " rule)" : " rules)"));
      return true;
    } catch (RuleSetException e) {
      e.errors().forEach(error -> err.println("error: " + error));
      return false;
    } catch (InvalidPathException e) {
      err.println(
          "error: " + new RuleError("cannot read " + file + ": " + e.getReason(), null, null));
      return false;
    }
  }

  /** Finds what only the compiled table can: rules that claim the same requests. */
  private static void compile(RuleSet rules) {
    try {
      RouteTable.compile(rules);
    } catch (UnsupportedOperationException notYetAvailable) {
      // A route table without compile-time checks: loading has already checked all it can.
    }
  }
}
