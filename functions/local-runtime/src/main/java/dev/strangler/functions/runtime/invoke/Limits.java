package dev.strangler.functions.runtime.invoke;

import java.time.Duration;

/** Lambda's fixed quotas that the local runtime enforces. */
public final class Limits {

  /** 6 MB: the largest event of a synchronous invocation, and the largest answer. */
  public static final int SYNC_PAYLOAD_BYTES = 6_291_456;

  /** 1 MB: the largest event of an asynchronous ({@code Event}) invocation. */
  public static final int ASYNC_PAYLOAD_BYTES = 1_048_576;

  /** The longest init phase Lambda allows before it gives up on an environment. */
  public static final Duration INIT_PHASE = Duration.ofSeconds(10);

  private Limits() {}
}
