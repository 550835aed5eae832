package dev.strangler.proxy.accesslog;

import dev.strangler.proxy.observe.CompletedRequest;
import dev.strangler.proxy.observe.RequestObserver;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one line per finished request to the {@value #LOGGER} logger, whose appender is
 * asynchronous ({@code logback-spring.xml}): the request's thread only formats the line.
 */
final class AccessLogObserver implements RequestObserver {

  /** The logger of the access log, to route or silence it in a logging configuration. */
  static final String LOGGER = "strangler.access";

  private static final Logger log = LoggerFactory.getLogger(LOGGER);

  private final AccessLogLine line;

  AccessLogObserver(AccessLogLine line) {
    this.line = Objects.requireNonNull(line, "line");
  }

  @Override
  public void completed(CompletedRequest request) {
    if (log.isInfoEnabled()) {
      log.info(line.format(request));
    }
  }

  @Override
  public String toString() {
    return "AccessLogObserver[" + line + "]";
  }
}
