package dev.strangler.proxy.accesslog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The lines written to the access log's logger while it is open. Attach it after the proxy started:
 * starting an application reconfigures logging.
 */
final class AccessLogCapture extends AppenderBase<ILoggingEvent> implements AutoCloseable {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final Logger logger;

  private AccessLogCapture() {
    logger = (Logger) LoggerFactory.getLogger(AccessLogObserver.LOGGER);
  }

  static AccessLogCapture attach() {
    AccessLogCapture capture = new AccessLogCapture();
    capture.setName("test-capture");
    capture.setContext(capture.logger.getLoggerContext());
    capture.start();
    capture.logger.addAppender(capture);
    return capture;
  }

  @Override
  protected void append(ILoggingEvent event) {
    lines.add(event.getFormattedMessage());
  }

  List<String> lines() {
    return List.copyOf(lines);
  }

  /** Each line as JSON; fails if any line is not exactly one JSON object on one line. */
  List<JsonNode> jsonLines() {
    return lines().stream()
        .peek(line -> assertThat(line).doesNotContain("\r", "\n", "\u2028", "\u2029"))
        .map(JSON::readTree)
        .peek(node -> assertThat(node.isObject()).as("a JSON object").isTrue())
        .toList();
  }

  /** Waits for the one line that matches, and checks that there is only one. */
  JsonNode awaitOne(Predicate<JsonNode> matching) {
    await().atMost(Duration.ofSeconds(10)).until(() -> jsonLines().stream().anyMatch(matching));
    List<JsonNode> matches = jsonLines().stream().filter(matching).toList();
    assertThat(matches).as("access log lines").hasSize(1);
    return matches.get(0);
  }

  JsonNode awaitRequest(String requestId) {
    return awaitOne(line -> requestId.equals(line.get("requestId").asString()));
  }

  @Override
  public void close() {
    logger.detachAppender(this);
    stop();
  }
}
