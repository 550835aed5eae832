package dev.strangler.k8s;

import java.util.List;
import java.util.Map;

/**
 * Reads parsed YAML or JSON (maps, lists, scalars) along a path of keys; missing parts are null.
 */
final class Tree {

  private Tree() {}

  static Object at(Object root, String... path) {
    Object node = root;
    for (String key : path) {
      if (!(node instanceof Map<?, ?> map)) {
        return null;
      }
      node = map.get(key);
    }
    return node;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object root, String... path) {
    Object node = at(root, path);
    return node instanceof Map<?, ?> ? (Map<String, Object>) node : Map.of();
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Object root, String... path) {
    Object node = at(root, path);
    return node instanceof List<?> ? (List<Object>) node : List.of();
  }

  static String string(Object root, String... path) {
    Object node = at(root, path);
    return node == null ? null : String.valueOf(node);
  }

  @SuppressWarnings("unchecked")
  static Map<String, String> labels(Object root, String... path) {
    return (Map<String, String>) (Map<?, ?>) map(root, path);
  }

  /** True when every label the selector names is on the labels, with the same value. */
  static boolean selects(Map<String, String> selector, Map<String, String> labels) {
    return !selector.isEmpty() && labels.entrySet().containsAll(selector.entrySet());
  }
}
