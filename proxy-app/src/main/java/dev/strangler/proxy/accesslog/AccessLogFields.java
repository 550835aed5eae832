package dev.strangler.proxy.accesslog;

import dev.strangler.proxy.observe.CompletedRequest;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How the formats render the fields that are not plain strings. */
final class AccessLogFields {
  private AccessLogFields() {}

  /** ISO-8601 in UTC, always with milliseconds, so lines sort and align. */
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  static String time(CompletedRequest request) {
    return TIME.format(request.start());
  }

  /** Milliseconds with three decimals (microsecond resolution), e.g. {@code 12.034}. */
  static String latencyMillis(CompletedRequest request) {
    long micros = (request.latency().toNanos() + 500) / 1000;
    long fraction = micros % 1000;
    return (micros / 1000) + (fraction < 10 ? ".00" : fraction < 100 ? ".0" : ".") + fraction;
  }

  /** The status sent, or {@code null} when the client left before one was. */
  static Integer status(CompletedRequest request) {
    return request.status() == 0 ? null : request.status();
  }

  /** The canary bucket, or {@code null} when the decision had none. */
  static Integer bucket(CompletedRequest request) {
    return request.bucket() < 0 ? null : request.bucket();
  }

  static String fallback(CompletedRequest request) {
    return request.fallback() == null ? null : request.fallback().tag();
  }
}
