package dev.strangler.proxy.accesslog;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The access log: one line per request on the {@value AccessLogObserver#LOGGER} logger.
 *
 * @param enabled whether a line is written per request
 * @param format {@code json} (one JSON object per line) or {@code text} ({@code key=value} pairs)
 */
@ConfigurationProperties("strangler.access-log")
public record AccessLogProperties(
    @DefaultValue("true") boolean enabled, @DefaultValue("json") Format format) {

  /** How each line is written. */
  public enum Format {
    JSON,
    TEXT
  }
}
