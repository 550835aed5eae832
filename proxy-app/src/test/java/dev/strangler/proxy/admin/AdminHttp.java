package dev.strangler.proxy.admin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Plain HTTP calls to the management port, with or without Basic credentials. */
final class AdminHttp {
  private AdminHttp() {}

  // One client, so calls reuse keep-alive connections, as operators' tools do. The hang once seen
  // here was Reactor Netty 1.3.6 no longer reading a connection whose next request came in before
  // the previous one's operations had ended (fixed in 1.3.8, see proxy-app's pom); a refused POST
  // leaves the connection usable (ManagementConnectionReuseIntegrationTest). HTTP/1.1: the JDK
  // client would otherwise offer an h2c upgrade on every new connection.
  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /**
   * @param authorization an {@code Authorization} header value, or {@code null} for none
   * @param jsonBody a JSON body, or {@code null} for none
   */
  static HttpResponse<String> send(String method, URI url, String authorization, String jsonBody) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(url)
            .timeout(Duration.ofSeconds(30))
            .method(
                method,
                jsonBody == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(jsonBody));
    if (jsonBody != null) {
      request.header("Content-Type", "application/json");
    }
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    try {
      return CLIENT.send(request.build(), BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static HttpResponse<String> get(URI url, String authorization) {
    return send("GET", url, authorization, null);
  }

  /** GETs and reads the JSON of a 200 answer. */
  static JsonNode json(URI url, String authorization) {
    HttpResponse<String> response = get(url, authorization);
    if (response.statusCode() != 200) {
      throw new AssertionError(url + " answered " + response.statusCode() + ": " + response.body());
    }
    return JSON.readTree(response.body());
  }

  static JsonNode json(String body) {
    return JSON.readTree(body);
  }
}
