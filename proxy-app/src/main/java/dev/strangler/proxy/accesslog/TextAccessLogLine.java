package dev.strangler.proxy.accesslog;

import dev.strangler.proxy.observe.CompletedRequest;

/**
 * {@code key=value} pairs separated by spaces (logfmt), the same fields as the JSON line; {@code -}
 * stands for an absent value. A value with a space, quote, {@code =} or backslash is quoted, and
 * anything outside printable ASCII is written as {@code \\uXXXX}, so a line is always one line.
 */
final class TextAccessLogLine implements AccessLogLine {

  @Override
  public String format(CompletedRequest request) {
    StringBuilder line = new StringBuilder(256);
    field(line, "time", AccessLogFields.time(request));
    field(line, "requestId", request.requestId());
    field(line, "traceId", request.traceId());
    field(line, "method", request.method());
    field(line, "path", request.path());
    field(line, "route", request.route());
    field(line, "reason", request.reason());
    field(line, "bucket", AccessLogFields.bucket(request));
    field(line, "fallback", AccessLogFields.fallback(request));
    field(line, "backend", request.servedBy().tag());
    field(line, "function", request.function());
    field(line, "status", AccessLogFields.status(request));
    field(line, "bytes", request.bytes());
    field(line, "latencyMs", AccessLogFields.latencyMillis(request));
    return line.toString();
  }

  private static void field(StringBuilder line, String name, Object value) {
    if (!line.isEmpty()) {
      line.append(' ');
    }
    line.append(name).append('=');
    String text = value == null ? null : value.toString();
    if (text == null) {
      line.append('-');
    } else if (isBare(text)) {
      line.append(text);
    } else {
      quoted(line, text);
    }
  }

  private static boolean isBare(String text) {
    if (text.isEmpty() || text.equals("-")) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c <= ' ' || c > '~' || c == '"' || c == '=' || c == '\\') {
        return false;
      }
    }
    return true;
  }

  private static void quoted(StringBuilder line, String text) {
    line.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\') {
        line.append('\\').append(c);
      } else if (c < ' ' || c > '~') {
        line.append(String.format("\\u%04x", (int) c));
      } else {
        line.append(c);
      }
    }
    line.append('"');
  }

  @Override
  public String toString() {
    return "text";
  }
}
