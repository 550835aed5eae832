package dev.strangler.functions.shop.support;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One request, sendable both to the monolith over HTTP and to a handler as the event the proxy
 * would build from it. Text bodies travel as text in the event, binary ones as base64.
 */
public record Exchange(
    String method, String target, Map<String, String> headers, byte[] body, boolean binary) {

  public Exchange {
    headers = Map.copyOf(headers);
    body = body.clone();
  }

  @Override
  public byte[] body() {
    return body.clone();
  }

  public static Exchange request(String method, String target) {
    return new Exchange(method, target, Map.of(), new byte[0], false);
  }

  public static Exchange get(String target) {
    return request("GET", target);
  }

  public static Exchange postJson(String target, String json) {
    return request("POST", target).header("Content-Type", "application/json").text(json);
  }

  public Exchange header(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new Exchange(method, target, more, body, binary);
  }

  public Exchange text(String text) {
    return new Exchange(method, target, headers, text.getBytes(StandardCharsets.UTF_8), false);
  }

  public Exchange bytes(byte[] bytes) {
    return new Exchange(method, target, headers, bytes, true);
  }

  public String path() {
    int question = target.indexOf('?');
    return question < 0 ? target : target.substring(0, question);
  }

  public RawHttp.Response sendTo(int port) {
    return RawHttp.send(port, method, target, headers, body);
  }

  public APIGatewayV2HTTPEvent toEvent(Map<String, String> pathParameters) {
    Events.Builder event = Events.request(method, target);
    headers.forEach(event::header);
    pathParameters.forEach(event::pathParameter);
    if (binary) {
      event.binaryBody(body);
    } else if (body.length > 0) {
      event.textBody(new String(body, StandardCharsets.UTF_8));
    }
    return event.build();
  }

  /** Short enough for a test name: the body is cut after 60 characters. */
  @Override
  public String toString() {
    String shownBody =
        binary
            ? "<" + body.length + " bytes>"
            : abbreviate(new String(body, StandardCharsets.UTF_8), 60);
    return method
        + " "
        + target
        + (headers.isEmpty() ? "" : " " + headers)
        + (body.length == 0 ? "" : " " + shownBody);
  }

  private static String abbreviate(String text, int length) {
    return text.length() <= length ? text : text.substring(0, length) + "…";
  }
}
