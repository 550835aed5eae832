package dev.strangler.rules.yaml;

import dev.strangler.rules.model.RouteRule;
import dev.strangler.rules.model.RuleSet;
import dev.strangler.rules.model.SourcePosition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Reads a composed YAML document into a {@link RuleSet}, reporting every problem on the way. */
final class RuleSetReader {

  static final int VERSION = 1;

  private RuleSetReader() {}

  /** The rules, or {@code null} when a problem was reported. */
  static RuleSet read(Node root, Problems problems, String source) {
    if (root == null) {
      problems.add(
          "the file is empty, but must contain at least 'version: 1'", null, problems.start());
      return null;
    }
    if (!(root instanceof MappingNode mapping)) {
      problems.add(
          "the file must be a mapping of version, defaults and routes, but was "
              + Scope.describe(root),
          null,
          problems.at(root));
      return null;
    }
    Fields file = new Fields(Scope.file(problems), "", mapping, mapping, Keys.FILE);
    boolean versionOk = version(file);
    RuleDefaults defaults = RuleDefaults.read(file);
    List<RouteRule> routes = routes(file, defaults, problems);
    return versionOk && routes != null ? new RuleSet(VERSION, source, routes) : null;
  }

  private static boolean version(Fields file) {
    ScalarNode node = file.scalar("version", true, "1");
    if (node == null) {
      return false;
    }
    if (!node.getValue().equals(String.valueOf(VERSION))) {
      file.scope()
          .error(
              node, "version", "must be " + VERSION + ", but was " + Scope.shown(node.getValue()));
      return false;
    }
    return true;
  }

  /** {@code routes} may be left out or empty: then every request goes to the monolith. */
  private static List<RouteRule> routes(Fields file, RuleDefaults defaults, Problems problems) {
    Node node = file.raw("routes");
    if (node == null || Scope.isEmpty(node)) {
      return List.of();
    }
    if (!(node instanceof SequenceNode list)) {
      file.scope().error(node, "routes", "must be a list, but was " + Scope.describe(node));
      return null;
    }
    List<RouteRule> routes = new ArrayList<>();
    Map<String, SourcePosition> ids = new HashMap<>();
    boolean complete = true;
    for (int i = 0; i < list.getValue().size(); i++) {
      RouteRule rule = RouteRuleReader.read(problems, i, list.getValue().get(i), defaults, ids);
      if (rule == null) {
        complete = false;
      } else {
        routes.add(rule);
      }
    }
    return complete ? routes : null;
  }
}
