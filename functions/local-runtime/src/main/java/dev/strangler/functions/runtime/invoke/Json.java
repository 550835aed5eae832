package dev.strangler.functions.runtime.invoke;

import tools.jackson.databind.json.JsonMapper;

/** The runtime's own JSON: error bodies and payload checks (never the functions' events). */
final class Json {

  static final JsonMapper MAPPER = JsonMapper.builder().build();

  private Json() {}

  static byte[] bytes(Object value) {
    return MAPPER.writeValueAsBytes(value);
  }
}
