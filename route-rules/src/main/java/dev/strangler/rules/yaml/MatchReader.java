package dev.strangler.rules.yaml;

import dev.strangler.rules.http.HttpTokens;
import dev.strangler.rules.model.Match;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Reads a rule's {@code match}: methods, paths and headers. */
final class MatchReader {

  static final List<String> METHODS =
      List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

  private MatchReader() {}

  static Match read(Fields rule) {
    Fields match = rule.fields("match", true, Keys.MATCH);
    if (match == null) {
      return null;
    }
    Set<String> methods = methods(match);
    List<String> paths = paths(match);
    Map<String, String> headers = headers(match);
    return paths == null ? null : new Match(methods, paths, headers);
  }

  private static Set<String> methods(Fields match) {
    Set<String> methods = new LinkedHashSet<>();
    SequenceNode list = match.list("methods", false);
    if (list == null) {
      return methods;
    }
    String field = match.child("methods");
    if (list.getValue().isEmpty()) {
      match.scope().error(list, field, "must not be empty; leave it out to match any method");
    }
    Map<String, Integer> firstIndex = new HashMap<>();
    for (int i = 0; i < list.getValue().size(); i++) {
      Node item = list.getValue().get(i);
      String itemField = field + "[" + i + "]";
      ScalarNode scalar = Fields.scalarItem(match.scope(), itemField, item, "a string");
      if (scalar == null) {
        continue;
      }
      String method = scalar.getValue().toUpperCase(Locale.ROOT);
      Integer first = firstIndex.putIfAbsent(method, i);
      if (!METHODS.contains(method)) {
        match
            .scope()
            .error(
                item,
                itemField,
                "must be one of "
                    + String.join(", ", METHODS)
                    + ", but was "
                    + Scope.shown(scalar.getValue()));
      } else if (first != null) {
        match
            .scope()
            .error(
                item,
                itemField,
                "repeats " + method + ", already given at " + field + "[" + first + "]");
      } else {
        methods.add(method);
      }
    }
    return methods;
  }

  private static List<String> paths(Fields match) {
    SequenceNode list = match.list("paths", true);
    if (list == null) {
      return null;
    }
    String field = match.child("paths");
    if (list.getValue().isEmpty()) {
      match.scope().error(list, field, "must not be empty");
      return null;
    }
    Map<String, Integer> shapes = new HashMap<>();
    List<String> paths = new ArrayList<>();
    List<Node> items = list.getValue();
    for (int i = 0; i < items.size(); i++) {
      String itemField = field + "[" + i + "]";
      ScalarNode scalar = Fields.scalarItem(match.scope(), itemField, items.get(i), "a string");
      if (scalar == null) {
        continue;
      }
      String path = scalar.getValue();
      var problem = PathPatterns.problem(path);
      Integer first = problem.isPresent() ? null : shapes.putIfAbsent(PathPatterns.shape(path), i);
      if (problem.isPresent()) {
        match.scope().error(scalar, itemField, problem.get() + ", but was " + Scope.shown(path));
      } else if (first != null) {
        String earlier = ((ScalarNode) items.get(first)).getValue();
        String firstField = field + "[" + first + "]";
        match
            .scope()
            .error(
                scalar,
                itemField,
                earlier.equals(path)
                    ? "repeats " + Scope.shown(path) + ", already given at " + firstField
                    : "matches the same paths as "
                        + firstField
                        + " "
                        + Scope.shown(earlier)
                        + ", but was "
                        + Scope.shown(path));
      } else {
        paths.add(path);
      }
    }
    return paths;
  }

  private static Map<String, String> headers(Fields match) {
    Map<String, String> headers = new LinkedHashMap<>();
    MappingNode mapping = match.mapping("headers", false);
    if (mapping == null) {
      return headers;
    }
    String field = match.child("headers");
    Map<String, Node> firstKeys = new HashMap<>();
    for (NodeTuple tuple : mapping.getValue()) {
      ScalarNode key = Fields.scalarItem(match.scope(), field, tuple.getKeyNode(), "a header name");
      if (key == null) {
        continue;
      }
      String name = key.getValue();
      String nameField = field + "." + name;
      if (!HttpTokens.isToken(name)) {
        match
            .scope()
            .error(
                key,
                field,
                "must use HTTP header names (letters, digits and !#$%&'*+-.^_`|~), but was "
                    + Scope.shown(name));
        continue;
      }
      String lowerCase = name.toLowerCase(Locale.ROOT);
      Node firstKey = firstKeys.putIfAbsent(lowerCase, key);
      if (firstKey != null) {
        String caseNote =
            ((ScalarNode) firstKey).getValue().equals(name)
                ? ""
                : " (header names are case-insensitive)";
        match
            .scope()
            .error(
                key,
                nameField,
                "is given twice"
                    + caseNote
                    + ", first at "
                    + match.scope().problems().at(firstKey));
        continue;
      }
      if (Scope.isEmpty(tuple.getValueNode())) {
        match.scope().error(key, nameField, "must not be empty");
        continue;
      }
      ScalarNode value =
          Fields.scalarItem(match.scope(), nameField, tuple.getValueNode(), "a string");
      if (value == null) {
        continue;
      }
      if (!HttpTokens.isFieldValue(value.getValue())) {
        match.scope().error(value, nameField, "must not contain control characters");
        continue;
      }
      headers.put(lowerCase, value.getValue());
    }
    return headers;
  }
}
