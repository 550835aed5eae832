package dev.strangler.rules.yaml;

import dev.strangler.rules.model.Canary;
import dev.strangler.rules.model.Fallback;
import dev.strangler.rules.model.LambdaTarget;
import dev.strangler.rules.model.Match;
import dev.strangler.rules.model.RouteRule;
import dev.strangler.rules.model.SourcePosition;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** Reads one entry of {@code routes}. */
final class RouteRuleReader {

  static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

  private RouteRuleReader() {}

  /**
   * @param index the rule's place in {@code routes}, for messages about a rule without an id
   * @param ids ids read so far, to where their rules start
   */
  static RouteRule read(
      Problems problems,
      int index,
      Node item,
      RuleDefaults defaults,
      Map<String, SourcePosition> ids) {
    if (!(item instanceof MappingNode mapping)) {
      problems.add(
          "routes[" + index + "] must be a mapping, but was " + Scope.describe(item),
          null,
          problems.at(item));
      return null;
    }
    String writtenId = writtenId(mapping);
    Scope file = Scope.file(problems);
    Scope scope = writtenId == null ? file.unnamedRule(index) : file.rule(writtenId);
    Fields rule = new Fields(scope, "", mapping, mapping, Keys.RULE);
    SourcePosition position = problems.at(mapping);
    String id = id(rule, position, ids);
    Match match = MatchReader.read(rule);
    LambdaTarget lambda = LambdaReader.read(rule, defaults.lambda());
    Canary canary = CanaryReader.read(rule);
    Fallback fallback = FallbackReader.read(rule, defaults.fallback());
    if (id == null || match == null || lambda == null || canary == null) {
      return null;
    }
    return new RouteRule(id, match, lambda, canary, fallback, position);
  }

  /** The id as written, however wrong, so that every other message can name the rule. */
  private static String writtenId(MappingNode mapping) {
    for (NodeTuple tuple : mapping.getValue()) {
      if (tuple.getKeyNode() instanceof ScalarNode key
          && key.getValue().equals("id")
          && tuple.getValueNode() instanceof ScalarNode value
          && !Scope.isEmpty(value)
          && Scope.isPrintable(value.getValue())) {
        return value.getValue();
      }
    }
    return null;
  }

  private static String id(Fields rule, SourcePosition position, Map<String, SourcePosition> ids) {
    ScalarNode node = rule.scalar("id", true, "a string");
    if (node == null) {
      return null;
    }
    String id = node.getValue();
    if (!ID.matcher(id).matches()) {
      rule.scope()
          .error(
              node,
              rule.child("id"),
              "must be 1 to 63 lower-case letters, digits and '-', starting with a letter or"
                  + " digit, but was "
                  + Scope.shown(id));
      return null;
    }
    SourcePosition first = ids.putIfAbsent(id, position);
    if (first != null) {
      rule.scope()
          .error(
              node, rule.child("id"), Scope.shown(id) + " is already used by the rule at " + first);
      return null;
    }
    return id;
  }
}
