package dev.strangler.functions.shop.http;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON mapper, configured as Spring Boot 4 configures the monolith's: Jackson 3 defaults
 * (record components in declaration order, other properties sorted, {@code BigDecimal} written
 * as-is so prices keep two decimals, non-ASCII characters unescaped, trailing tokens rejected) and
 * unknown properties ignored. Built once per execution environment; it is thread-safe.
 */
public final class Json {

  public static final JsonMapper MAPPER =
      JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  private Json() {}

  public static String write(Object value) {
    return MAPPER.writeValueAsString(value);
  }
}
