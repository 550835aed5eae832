package dev.strangler.proxy.accesslog;

import dev.strangler.proxy.observe.CompletedRequest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How the formats render the fields that are not plain strings. */
final class AccessLogFields {
  private AccessLogFields() {}

  /** Up to the seconds: formatted once per second, as lines of one second share it. */
  private static final DateTimeFormatter SECOND =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.").withZone(ZoneOffset.UTC);

  private record Second(long epochSecond, String prefix) {}

  private static volatile Second lastSecond = new Second(Long.MIN_VALUE, "");

  /** ISO-8601 in UTC, always with milliseconds, so lines sort and align. */
  static String time(CompletedRequest request) {
    Instant start = request.start();
    Second second = lastSecond;
    if (second.epochSecond() != start.getEpochSecond()) {
      second = new Second(start.getEpochSecond(), SECOND.format(start));
      lastSecond = second;
    }
    int millis = start.getNano() / 1_000_000;
    return second.prefix() + (millis < 10 ? "00" : millis < 100 ? "0" : "") + millis + 'Z';
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
