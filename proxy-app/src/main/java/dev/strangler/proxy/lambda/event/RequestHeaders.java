package dev.strangler.proxy.lambda.event;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What both event formats read from the request's headers, and their shared formats. */
final class RequestHeaders {

  /** API Gateway's {@code $context.requestTime} format, always in UTC, English month. */
  private static final DateTimeFormatter REQUEST_TIME =
      DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss '+0000'", Locale.ENGLISH)
          .withZone(ZoneOffset.UTC);

  /**
   * Headers sharing a case-insensitive name.
   *
   * @param name the name as first received
   * @param values every value, in order
   */
  record Group(String name, List<String> values) {

    String last() {
      return values.get(values.size() - 1);
    }

    String joined() {
      return String.join(",", values);
    }
  }

  private RequestHeaders() {}

  /** The headers grouped by lower-case name, in order of first appearance. */
  static Map<String, Group> grouped(List<HeaderField> headers) {
    Map<String, Group> groups = new LinkedHashMap<>();
    for (HeaderField header : headers) {
      groups
          .computeIfAbsent(
              header.name().toLowerCase(Locale.ROOT),
              key -> new Group(header.name(), new ArrayList<>(1)))
          .values()
          .add(header.value());
    }
    return groups;
  }

  /** The cookies of every Cookie header, split on {@code ;} and trimmed, in order. */
  static List<String> cookies(Group cookieHeaders) {
    List<String> cookies = new ArrayList<>();
    if (cookieHeaders != null) {
      for (String value : cookieHeaders.values()) {
        for (String cookie : value.split(";")) {
          String trimmed = cookie.trim();
          if (!trimmed.isEmpty()) {
            cookies.add(trimmed);
          }
        }
      }
    }
    return cookies;
  }

  /** The Host without its port; {@code ""} when there is no Host. */
  static String domainName(String host) {
    if (host == null) {
      return "";
    }
    String trimmed = host.trim();
    if (trimmed.startsWith("[")) {
      int end = trimmed.indexOf(']');
      return end < 0 ? trimmed : trimmed.substring(0, end + 1);
    }
    int colon = trimmed.lastIndexOf(':');
    return colon < 0 ? trimmed : trimmed.substring(0, colon);
  }

  /** The first label of the domain name, as API Gateway's {@code domainPrefix}. */
  static String domainPrefix(String domainName) {
    int dot = domainName.indexOf('.');
    return dot < 0 ? domainName : domainName.substring(0, dot);
  }

  /** e.g. {@code 04/Mar/2020:19:15:17 +0000}. */
  static String requestTime(Instant time) {
    return REQUEST_TIME.format(time);
  }
}
