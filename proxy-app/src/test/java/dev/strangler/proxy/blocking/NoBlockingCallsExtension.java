package dev.strangler.proxy.blocking;

import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails the test (or, for what happened around the tests, the class) during which a non-blocking
 * thread made a blocking call. Registered for every test through JUnit's extension auto-detection
 * ({@code junit-platform.properties}).
 */
public final class NoBlockingCallsExtension implements AfterEachCallback, AfterAllCallback {

  @Override
  public void afterEach(ExtensionContext context) {
    failOnBlockingCalls();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    failOnBlockingCalls();
  }

  private static void failOnBlockingCalls() {
    List<String> calls = BlockingCalls.drain();
    if (!calls.isEmpty()) {
      throw new AssertionError(
          calls.size() + " blocking call(s) on non-blocking threads:\n" + String.join("\n", calls));
    }
  }
}
