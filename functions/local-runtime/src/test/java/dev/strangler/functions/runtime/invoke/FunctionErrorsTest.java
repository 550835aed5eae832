package dev.strangler.functions.runtime.invoke;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FunctionErrorsTest {

  @Test
  void cutsTheStackTraceWhereTheRuntimeCalledTheFunction() {
    RuntimeException error = new RuntimeException("boom");
    error.setStackTrace(
        new StackTraceElement[] {
          new StackTraceElement("shop.Orders", "handle", "Orders.java", 12),
          new StackTraceElement("java.lang.reflect.Method", "invoke", "Method.java", 568),
          new StackTraceElement("dev.strangler.functions.runtime.sandbox.X", "call", "X.java", 1),
          new StackTraceElement("java.lang.Thread", "run", "Thread.java", 833)
        });

    String body = new String(FunctionErrors.unhandled(error), StandardCharsets.UTF_8);

    assertThat(body)
        .isEqualTo(
            "{\"errorMessage\":\"boom\",\"errorType\":\"java.lang.RuntimeException\",\"stackTrace\":"
                + "[\"shop.Orders.handle(Orders.java:12)\","
                + "\"java.lang.reflect.Method.invoke(Method.java:568)\"]}");
  }

  @Test
  void namesTheExceptionClassWhenItHasNoMessage() {
    String body =
        new String(FunctionErrors.unhandled(new NullPointerException()), StandardCharsets.UTF_8);

    assertThat(body).startsWith("{\"errorMessage\":\"java.lang.NullPointerException\",");
  }

  @Test
  void writesTimeoutsAsLambdaDoes() {
    String body =
        new String(FunctionErrors.timedOut("abc", Duration.ofSeconds(3)), StandardCharsets.UTF_8);

    assertThat(body)
        .isEqualTo(
            "{\"errorMessage\":\"RequestId: abc Error: Task timed out after 3.00 seconds\","
                + "\"errorType\":\"Sandbox.Timedout\"}");
  }

  @Test
  void logsTheErrorAsTheJavaRuntimeDoes() {
    IllegalStateException error = new IllegalStateException("no stock");
    error.setStackTrace(
        new StackTraceElement[] {
          new StackTraceElement("shop.Orders", "handle", "Orders.java", 12)
        });

    assertThat(FunctionErrors.logLine(error))
        .isEqualTo(
            "no stock: java.lang.IllegalStateException\n"
                + "java.lang.IllegalStateException: no stock\n"
                + "\tat shop.Orders.handle(Orders.java:12)\n");
  }
}
