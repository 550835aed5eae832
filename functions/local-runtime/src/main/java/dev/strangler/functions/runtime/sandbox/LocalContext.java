package dev.strangler.functions.runtime.sandbox;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.util.Objects;
import java.util.function.LongSupplier;

/** The {@code Context} of one invocation, as the Java runtime fills it. */
public final class LocalContext implements Context {

  private final String requestId;
  private final String functionName;
  private final String functionVersion;
  private final String invokedFunctionArn;
  private final int memoryLimitMb;
  private final String logStreamName;
  private final LambdaLogger logger;
  private final long deadlineNanos;
  private final LongSupplier nanoTime;

  /**
   * @param deadlineNanos when the invocation times out, on the {@code nanoTime} clock
   */
  public LocalContext(
      String requestId,
      String functionName,
      String functionVersion,
      String invokedFunctionArn,
      int memoryLimitMb,
      String logStreamName,
      LambdaLogger logger,
      long deadlineNanos,
      LongSupplier nanoTime) {
    this.requestId = Objects.requireNonNull(requestId, "requestId");
    this.functionName = Objects.requireNonNull(functionName, "functionName");
    this.functionVersion = Objects.requireNonNull(functionVersion, "functionVersion");
    this.invokedFunctionArn = Objects.requireNonNull(invokedFunctionArn, "invokedFunctionArn");
    this.memoryLimitMb = memoryLimitMb;
    this.logStreamName = Objects.requireNonNull(logStreamName, "logStreamName");
    this.logger = Objects.requireNonNull(logger, "logger");
    this.deadlineNanos = deadlineNanos;
    this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
  }

  @Override
  public String getAwsRequestId() {
    return requestId;
  }

  @Override
  public String getLogGroupName() {
    return "/aws/lambda/" + functionName;
  }

  @Override
  public String getLogStreamName() {
    return logStreamName;
  }

  @Override
  public String getFunctionName() {
    return functionName;
  }

  @Override
  public String getFunctionVersion() {
    return functionVersion;
  }

  @Override
  public String getInvokedFunctionArn() {
    return invokedFunctionArn;
  }

  @Override
  public CognitoIdentity getIdentity() {
    return null;
  }

  @Override
  public ClientContext getClientContext() {
    return null;
  }

  @Override
  public int getRemainingTimeInMillis() {
    long remaining = (deadlineNanos - nanoTime.getAsLong()) / 1_000_000L;
    return (int) Math.max(0, remaining);
  }

  @Override
  public int getMemoryLimitInMB() {
    return memoryLimitMb;
  }

  @Override
  public LambdaLogger getLogger() {
    return logger;
  }

  @Override
  public String toString() {
    return "LocalContext[" + functionName + ":" + functionVersion + ", " + requestId + "]";
  }
}
