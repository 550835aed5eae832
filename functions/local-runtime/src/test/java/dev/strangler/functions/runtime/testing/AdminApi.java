package dev.strangler.functions.runtime.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client of the runtime's {@code /_local/} admin API. */
public final class AdminApi {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final URI runtime;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  public AdminApi(URI runtime) {
    this.runtime = runtime;
  }

  public HttpResponse<String> send(String method, String path, String body) {
    HttpRequest request =
        HttpRequest.newBuilder(runtime.resolve(path))
            .timeout(Duration.ofSeconds(30))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public JsonNode json(String path) {
    return JSON.readTree(send("GET", path, null).body());
  }

  /** The entry of {@code GET /_local/functions} for one function. */
  public JsonNode function(String name) {
    for (JsonNode function : json("/_local/functions")) {
      if (function.get("name").asString().equals(name)) {
        return function;
      }
    }
    throw new AssertionError("no function " + name + " in " + json("/_local/functions"));
  }

  public long counter(String function, String counter) {
    return function(function).get(counter).asLong();
  }

  public static JsonNode parse(String json) {
    return JSON.readTree(json);
  }
}
