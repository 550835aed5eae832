package dev.strangler.proxy.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.proxy.support.RawHttp.Response;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads what the monolith's {@code /api/debug/request} saw of a request. */
public final class Echo {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** Headers a client could send to pretend it came from elsewhere. */
  public static final String[] SPOOFED_FORWARDING = {
    "X-Forwarded-For: 203.0.113.7",
    "X-Forwarded-Proto: https",
    "X-Forwarded-Host: shop.example.com",
    "Forwarded: for=203.0.113.7;proto=https"
  };

  private final JsonNode seen;

  private Echo(JsonNode seen) {
    this.seen = seen;
  }

  public static Echo of(Response response) {
    assertThat(response.status()).as(response.bodyText()).isEqualTo(200);
    return new Echo(JSON.readTree(response.body()));
  }

  public String rawQuery() {
    return seen.get("rawQuery").asString();
  }

  public String path() {
    return seen.get("path").asString();
  }

  public List<String> headerNames() {
    List<String> names = new ArrayList<>();
    seen.get("headers").propertyNames().forEach(names::add);
    return names;
  }

  /** The values of a header, lower-case name, in the order received; empty when absent. */
  public List<String> header(String name) {
    List<String> values = new ArrayList<>();
    JsonNode node = seen.get("headers").get(name);
    if (node != null) {
      node.forEach(v -> values.add(v.asString()));
    }
    return values;
  }
}
