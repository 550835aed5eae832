package dev.strangler.proxy.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A W3C {@code traceparent} header value, read strictly (version 00). */
record TraceParent(String traceId, String parentId, String flags) {

  private static final Pattern FORMAT =
      Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})");

  static TraceParent parse(String value) {
    assertThat(value).as("traceparent").isNotNull();
    Matcher matcher = FORMAT.matcher(value);
    assertThat(matcher.matches()).as("a valid traceparent: '%s'", value).isTrue();
    TraceParent parsed = new TraceParent(matcher.group(1), matcher.group(2), matcher.group(3));
    assertThat(parsed.traceId()).isNotEqualTo("0".repeat(32));
    assertThat(parsed.parentId()).isNotEqualTo("0".repeat(16));
    return parsed;
  }

  boolean sampled() {
    return (Integer.parseInt(flags, 16) & 1) == 1;
  }

  @Override
  public String toString() {
    return "00-" + traceId + "-" + parentId + "-" + flags;
  }
}
