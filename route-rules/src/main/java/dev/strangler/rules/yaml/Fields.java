package dev.strangler.rules.yaml;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * One YAML mapping of the rules file, read by key. Keys that are not strings, given twice or not
 * allowed at this level are reported when it is created; each accessor reports a value that is
 * missing, empty or of the wrong kind, and answers {@code null} then.
 */
final class Fields {

  private final Scope scope;
  private final String path;
  private final Node anchor;
  private final Map<String, NodeTuple> entries = new LinkedHashMap<>();

  /**
   * @param path the field path of this mapping within the scope, {@code ""} for a whole rule or the
   *     file
   * @param anchor where a missing key is reported: the key that introduced the mapping, or the
   *     mapping itself
   */
  Fields(Scope scope, String path, Node anchor, MappingNode mapping, List<String> allowed) {
    this.scope = scope;
    this.path = path;
    this.anchor = anchor;
    Map<String, NodeTuple> seen = new LinkedHashMap<>();
    for (NodeTuple tuple : mapping.getValue()) {
      Node keyNode = tuple.getKeyNode();
      if (!(keyNode instanceof ScalarNode scalar) || Scope.isEmpty(keyNode)) {
        scope
            .problems()
            .add(
                "keys in " + label() + " must be strings, but was " + Scope.describe(keyNode),
                scope.ruleId(),
                scope.problems().at(keyNode));
        continue;
      }
      String key = scalar.getValue();
      NodeTuple first = seen.putIfAbsent(key, tuple);
      if (first != null) {
        scope.error(
            keyNode,
            child(key),
            "is given twice, first at " + scope.problems().at(first.getKeyNode()));
      } else if (!allowed.contains(key)) {
        scope.error(keyNode, child(key), unknownKey(key, allowed));
      } else {
        entries.put(key, tuple);
      }
    }
  }

  Scope scope() {
    return scope;
  }

  /** {@code canary} + {@code percent} = {@code canary.percent}. */
  String child(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  boolean has(String key) {
    return entries.containsKey(key);
  }

  Node keyNode(String key) {
    NodeTuple tuple = entries.get(key);
    return tuple == null ? null : tuple.getKeyNode();
  }

  /** The value as written, even when empty; {@code null} when the key is absent. */
  Node raw(String key) {
    NodeTuple tuple = entries.get(key);
    return tuple == null ? null : tuple.getValueNode();
  }

  /** A non-empty value of any kind. */
  Node value(String key, boolean required) {
    NodeTuple tuple = entries.get(key);
    if (tuple == null) {
      if (required) {
        scope.error(anchor, child(key), "is required");
      }
      return null;
    }
    if (Scope.isEmpty(tuple.getValueNode())) {
      scope.error(tuple.getKeyNode(), child(key), "must not be empty");
      return null;
    }
    return tuple.getValueNode();
  }

  /**
   * A non-empty scalar.
   *
   * @param expected what the value should be, for the message: {@code a string}, {@code a number}
   */
  ScalarNode scalar(String key, boolean required, String expected) {
    Node value = value(key, required);
    if (value == null) {
      return null;
    }
    if (!(value instanceof ScalarNode scalar)) {
      scope.error(value, child(key), "must be " + expected + ", but was " + Scope.describe(value));
      return null;
    }
    return scalar;
  }

  SequenceNode list(String key, boolean required) {
    Node value = value(key, required);
    if (value == null) {
      return null;
    }
    if (!(value instanceof SequenceNode list)) {
      scope.error(value, child(key), "must be a list, but was " + Scope.describe(value));
      return null;
    }
    return list;
  }

  MappingNode mapping(String key, boolean required) {
    Node value = value(key, required);
    if (value == null) {
      return null;
    }
    if (!(value instanceof MappingNode mapping)) {
      scope.error(value, child(key), "must be a mapping, but was " + Scope.describe(value));
      return null;
    }
    return mapping;
  }

  /** A nested mapping with its own allowed keys. */
  Fields fields(String key, boolean required, List<String> allowed) {
    MappingNode mapping = mapping(key, required);
    return mapping == null ? null : new Fields(scope, child(key), keyNode(key), mapping, allowed);
  }

  /** A list item or free-form mapping value that must be a non-empty scalar. */
  static ScalarNode scalarItem(Scope scope, String field, Node node, String expected) {
    if (Scope.isEmpty(node)) {
      scope.error(node, field, "must not be empty");
      return null;
    }
    if (!(node instanceof ScalarNode scalar)) {
      scope.error(node, field, "must be " + expected + ", but was " + Scope.describe(node));
      return null;
    }
    return scalar;
  }

  private String unknownKey(String key, List<String> allowed) {
    String choices = "llowed keys in " + label() + ": " + String.join(", ", allowed);
    return Suggestions.closest(key, allowed)
        .map(near -> "is not a known key, did you mean '" + near + "'? A" + choices)
        .orElse("is not a known key; a" + choices);
  }

  /** How messages name this mapping: {@code canary}, {@code routes[3]}, {@code a rule}. */
  private String label() {
    if (!path.isEmpty()) {
      return scope.prefix() + path;
    }
    if (!scope.prefix().isEmpty()) {
      return scope.prefix().substring(0, scope.prefix().length() - 1);
    }
    return scope.ruleId() != null ? "a rule" : "the file";
  }
}
