package dev.strangler.demo.monolith.debug;

import java.util.List;
import java.util.Map;

/**
 * What the monolith saw of a request. {@code rawQuery} is exactly as received (still
 * percent-encoded); header names are lower-cased and keep every value in arrival order.
 */
public record RequestEcho(
    String method,
    String path,
    String rawQuery,
    Map<String, List<String>> headers,
    long bodyBytes) {}
