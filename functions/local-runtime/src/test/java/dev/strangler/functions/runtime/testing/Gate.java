package dev.strangler.functions.runtime.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A gate that {@code GateHandler} invocations wait at until the test opens it. Its latches travel
 * through the system properties, which the runtime's class loaders do not isolate.
 */
public final class Gate implements AutoCloseable {

  private final String name = "gate-" + UUID.randomUUID();
  private final CountDownLatch entered;
  private final CountDownLatch open = new CountDownLatch(1);

  public Gate(int expectedInvocations) {
    this.entered = new CountDownLatch(expectedInvocations);
    System.getProperties().put(name + ".entered", entered);
    System.getProperties().put(name + ".open", open);
  }

  /** The event that makes a {@code GateHandler} wait at this gate. */
  public String event() {
    return "{\"gate\":\"" + name + "\"}";
  }

  public String name() {
    return name;
  }

  public void awaitEntered() throws InterruptedException {
    assertThat(entered.await(20, TimeUnit.SECONDS))
        .as("every expected invocation reached the gate")
        .isTrue();
  }

  public void open() {
    open.countDown();
  }

  @Override
  public void close() {
    open();
    System.getProperties().remove(name + ".entered");
    System.getProperties().remove(name + ".open");
  }
}
