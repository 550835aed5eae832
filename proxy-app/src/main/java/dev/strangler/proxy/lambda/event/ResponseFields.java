package dev.strangler.proxy.lambda.event;

import java.nio.charset.StandardCharsets;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Reads and checks the fields of a response object; {@code null} always means absent. */
final class ResponseFields {

  private ResponseFields() {}

  /**
   * A JSON integer from 100 to 599, or a string of its digits, as AWS's own Lambda blueprints
   * return ({@code 'statusCode': '200'}).
   */
  static int statusCode(JsonNode node) throws MalformedResponseException {
    int status = -1;
    if (node.isIntegralNumber() && node.canConvertToInt()) {
      status = node.intValue();
    } else if (node.isString() && node.stringValue().matches("[0-9]{1,3}")) {
      status = Integer.parseInt(node.stringValue());
    }
    if (status < 100 || status > 599) {
      throw new MalformedResponseException(
          "statusCode must be an integer from 100 to 599, but was " + shown(node));
    }
    return status;
  }

  /** {@code headers}: names to strings, numbers or booleans; a {@code null} value is kept. */
  static List<Map.Entry<String, String>> headers(JsonNode node) throws MalformedResponseException {
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    if (node == null || node.isNull()) {
      return headers;
    }
    if (!node.isObject()) {
      throw new MalformedResponseException("headers must be an object, but was " + describe(node));
    }
    for (Map.Entry<String, JsonNode> property : node.properties()) {
      String name = property.getKey();
      headers.add(new SimpleImmutableEntry<>(name, scalar(property.getValue(), "headers", name)));
    }
    return headers;
  }

  /** {@code multiValueHeaders}: names to arrays of scalars; a {@code null} array is kept. */
  static List<Map.Entry<String, List<String>>> multiValueHeaders(JsonNode node)
      throws MalformedResponseException {
    List<Map.Entry<String, List<String>>> headers = new ArrayList<>();
    if (node == null || node.isNull()) {
      return headers;
    }
    if (!node.isObject()) {
      throw new MalformedResponseException(
          "multiValueHeaders must be an object, but was " + describe(node));
    }
    for (Map.Entry<String, JsonNode> property : node.properties()) {
      String name = property.getKey();
      JsonNode array = property.getValue();
      if (array.isNull()) {
        headers.add(new SimpleImmutableEntry<>(name, null));
        continue;
      }
      if (!array.isArray()) {
        throw new MalformedResponseException(
            "multiValueHeaders '" + safe(name) + "' must be an array, but was " + describe(array));
      }
      List<String> values = new ArrayList<>(array.size());
      for (JsonNode element : array.values()) {
        String value = scalar(element, "multiValueHeaders", name);
        if (value != null) {
          values.add(value);
        }
      }
      headers.add(new SimpleImmutableEntry<>(name, values));
    }
    return headers;
  }

  /** {@code cookies} (format 2.0): an array of strings, each becoming one Set-Cookie header. */
  static List<String> cookies(JsonNode node) throws MalformedResponseException {
    List<String> cookies = new ArrayList<>();
    if (node == null || node.isNull()) {
      return cookies;
    }
    if (!node.isArray()) {
      throw new MalformedResponseException(
          "cookies must be an array of strings, but was " + describe(node));
    }
    for (JsonNode cookie : node.values()) {
      if (!cookie.isString()) {
        throw new MalformedResponseException(
            "cookies must be an array of strings, but it holds " + describe(cookie));
      }
      cookies.add(cookie.stringValue());
    }
    return cookies;
  }

  /** {@code body}, a string, decoded from base64 when {@code isBase64Encoded} says so. */
  static byte[] body(JsonNode root) throws MalformedResponseException {
    boolean base64 = isBase64Encoded(root.get("isBase64Encoded"));
    JsonNode body = root.get("body");
    if (body == null || body.isNull()) {
      return new byte[0];
    }
    if (!body.isString()) {
      throw new MalformedResponseException(
          "body must be a string (serialize JSON bodies first), but was " + describe(body));
    }
    return base64
        ? decodeBase64(body.stringValue())
        : body.stringValue().getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] decodeBase64(String body) throws MalformedResponseException {
    try {
      return Base64.getDecoder().decode(body);
    } catch (IllegalArgumentException e) {
      throw new MalformedResponseException(
          "isBase64Encoded is true but body is not valid base64 (" + e.getMessage() + ")");
    }
  }

  private static boolean isBase64Encoded(JsonNode node) throws MalformedResponseException {
    if (node == null || node.isNull()) {
      return false;
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isString()) {
      switch (node.stringValue().toLowerCase(Locale.ROOT)) {
        case "true":
          return true;
        case "false":
          return false;
        default:
          break;
      }
    }
    throw new MalformedResponseException(
        "isBase64Encoded must be true or false, but was " + describe(node));
  }

  private static String scalar(JsonNode value, String field, String name)
      throws MalformedResponseException {
    if (value.isNull()) {
      return null;
    }
    if (value.isString()) {
      return value.stringValue();
    }
    if (value.isBoolean()) {
      return String.valueOf(value.booleanValue());
    }
    if (value.isIntegralNumber()) {
      return value.bigIntegerValue().toString();
    }
    if (value.isNumber()) {
      return value.decimalValue().toPlainString();
    }
    throw new MalformedResponseException(
        field
            + " '"
            + safe(name)
            + "' must be a string, number or boolean, but was "
            + describe(value));
  }

  /** The JSON type, for messages: never the value, which may be a secret. */
  static String describe(JsonNode node) {
    return switch (node.getNodeType()) {
      case OBJECT -> "an object";
      case ARRAY -> "an array";
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case NULL -> "null";
      default -> "a " + node.getNodeType().name().toLowerCase(Locale.ROOT);
    };
  }

  /** A status code's value is no secret: shown, shortened. */
  private static String shown(JsonNode node) {
    String text = node.toString();
    return (text.length() > 20 ? text.substring(0, 20) + "…" : text) + " (" + describe(node) + ")";
  }

  /** A header name for a message, before it is known to be a token. */
  private static String safe(String name) {
    String printable = name.replaceAll("\\p{Cntrl}", "?");
    return printable.length() > 40 ? printable.substring(0, 40) + "…" : printable;
  }
}
