package dev.strangler.rules.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The editor schema and the loader must agree on every key. */
class SchemaTest {

  /** Where each level of {@link RuleSetLoader#allowedKeys()} is described in the schema. */
  static final Map<String, String> LEVELS =
      Map.ofEntries(
          Map.entry("", "/properties"),
          Map.entry("defaults", "/properties/defaults/properties"),
          Map.entry("defaults.lambda", "/properties/defaults/properties/lambda/properties"),
          Map.entry("defaults.fallback", "/definitions/fallback/properties"),
          Map.entry("defaults.fallback.circuitBreaker", "/definitions/circuitBreaker/properties"),
          Map.entry("defaults.fallback.throttleRetry", "/definitions/throttleRetry/properties"),
          Map.entry("routes[]", "/definitions/rule/properties"),
          Map.entry("routes[].match", "/definitions/match/properties"),
          Map.entry("routes[].lambda", "/definitions/lambda/properties"),
          Map.entry("routes[].canary", "/definitions/canary/properties"),
          Map.entry("routes[].fallback", "/definitions/fallback/properties"),
          Map.entry("routes[].fallback.circuitBreaker", "/definitions/circuitBreaker/properties"),
          Map.entry("routes[].fallback.throttleRetry", "/definitions/throttleRetry/properties"));

  static JsonNode schema;

  @BeforeAll
  static void readSchema() throws IOException {
    try (InputStream in = SchemaTest.class.getResourceAsStream("/routes.schema.json")) {
      assertThat(in).as("routes.schema.json on the class path").isNotNull();
      schema =
          JsonMapper.builder()
              .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
              .build()
              .readTree(in);
    }
  }

  @Test
  void declaresItsDraft() {
    assertThat(schema.path("$schema").asString())
        .isEqualTo("http://json-schema.org/draft-07/schema#");
  }

  @Test
  void describesEveryLevelTheLoaderHas() {
    assertThat(LEVELS.keySet()).isEqualTo(RuleSetLoader.allowedKeys().keySet());
  }

  @Test
  void allowsExactlyTheKeysTheLoaderAllowsAtEachLevel() {
    Map<String, List<String>> inSchema = new LinkedHashMap<>();
    LEVELS.forEach(
        (level, pointer) -> inSchema.put(level, List.copyOf(schema.at(pointer).propertyNames())));

    assertThat(inSchema).isEqualTo(RuleSetLoader.allowedKeys());
  }

  @Test
  void describesFallbackOnceForDefaultsAndRules() {
    assertThat(schema.at("/properties/defaults/properties/fallback/$ref").asString())
        .isEqualTo("#/definitions/fallback");
    assertThat(schema.at("/definitions/rule/properties/fallback/$ref").asString())
        .isEqualTo("#/definitions/fallback");
    assertThat(schema.at("/definitions/fallback/properties/circuitBreaker/$ref").asString())
        .isEqualTo("#/definitions/circuitBreaker");
  }

  @Test
  void rejectsUnknownKeysAtEachLevel() {
    LEVELS
        .values()
        .forEach(
            pointer -> {
              JsonNode object = schema.at(pointer.substring(0, pointer.lastIndexOf('/')));
              assertThat(object.path("additionalProperties").isBoolean()).as(pointer).isTrue();
              assertThat(object.path("additionalProperties").asBoolean()).as(pointer).isFalse();
            });
  }

  @Test
  void describesEveryField() {
    Set<String> undescribed = new HashSet<>();
    LEVELS
        .values()
        .forEach(
            pointer ->
                schema
                    .at(pointer)
                    .properties()
                    .forEach(
                        field -> {
                          JsonNode definition = resolve(field.getValue());
                          if (definition.path("description").asString("").isBlank()) {
                            undescribed.add(pointer + "/" + field.getKey());
                          }
                        }));

    assertThat(undescribed).isEmpty();
  }

  private static JsonNode resolve(JsonNode field) {
    String ref = field.path("$ref").asString("");
    return ref.isEmpty() ? field : schema.at(ref.substring(1));
  }
}
