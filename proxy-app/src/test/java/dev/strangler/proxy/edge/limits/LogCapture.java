package dev.strangler.proxy.edge.limits;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.LoggerFactory;

/**
 * Every event logged in this JVM while it is open: the root logger's, and those of the named
 * loggers that do not pass theirs on to the root (the access log). Attach it after the proxy
 * started: starting an application reconfigures logging.
 */
final class LogCapture extends AppenderBase<ILoggingEvent> implements AutoCloseable {

  /** One logged event, as much of it as the tests look at. */
  record Line(Level level, String logger, String message, boolean stackTrace) {
    @Override
    public String toString() {
      return level + " " + logger + ": " + message + (stackTrace ? " [+ stack trace]" : "");
    }
  }

  private final List<Line> lines = new CopyOnWriteArrayList<>();
  private final List<Logger> loggers = new ArrayList<>();

  private LogCapture() {}

  static LogCapture attach(String... separateLoggers) {
    LogCapture capture = new LogCapture();
    capture.setName("edge-limits-test-capture");
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    capture.setContext(root.getLoggerContext());
    capture.start();
    capture.loggers.add(root);
    for (String name : separateLoggers) {
      capture.loggers.add((Logger) LoggerFactory.getLogger(name));
    }
    capture.loggers.forEach(logger -> logger.addAppender(capture));
    return capture;
  }

  @Override
  protected void append(ILoggingEvent event) {
    lines.add(
        new Line(
            event.getLevel(),
            event.getLoggerName(),
            event.getFormattedMessage(),
            event.getThrowableProxy() != null));
  }

  List<Line> lines() {
    return List.copyOf(lines);
  }

  @Override
  public void close() {
    loggers.forEach(logger -> logger.detachAppender(this));
    stop();
  }
}
