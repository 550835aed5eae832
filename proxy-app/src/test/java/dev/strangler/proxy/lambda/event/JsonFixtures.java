package dev.strangler.proxy.lambda.event;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads fixtures from {@code src/test/resources/events/} and lists a tree's keys in order. */
final class JsonFixtures {

  static final JsonMapper JSON = JsonMapper.builder().build();

  private JsonFixtures() {}

  static byte[] bytes(String name) {
    try (InputStream in = JsonFixtures.class.getResourceAsStream("/events/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture events/" + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode tree(String name) {
    return JSON.readTree(bytes(name));
  }

  static JsonNode tree(byte[] json) {
    return JSON.readTree(json);
  }

  /** Every object key as a dotted path, in document order: presence, absence and order at once. */
  static List<String> keyPaths(JsonNode node) {
    List<String> paths = new ArrayList<>();
    collect(node, "", paths);
    return paths;
  }

  private static void collect(JsonNode node, String prefix, List<String> paths) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> property : node.properties()) {
        String path = prefix + property.getKey();
        paths.add(path);
        collect(property.getValue(), path + ".", paths);
      }
    }
  }
}
