package dev.strangler.proxy.lambda.event;

import static java.util.Objects.requireNonNull;

/**
 * One header line: the name keeps the case it was received or written with.
 *
 * @param name the header name
 * @param value the header value
 */
public record HeaderField(String name, String value) {

  public HeaderField {
    requireNonNull(name, "name");
    requireNonNull(value, "value");
  }
}
