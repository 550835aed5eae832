package dev.strangler.proxy.lambda;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Marks a call that failed in the SDK's pipeline before it began to send it, such as a signature
 * that could not be made. The SDK reaches {@code beforeTransmission} only once all of that
 * succeeded; a failure reported before it is wrapped in {@link NotSent}. (Credentials that do not
 * load fail earlier still, outside the pipeline: {@link NotSent#credentials} marks those.)
 */
final class NotSentInterceptor implements ExecutionInterceptor {

  private static final ExecutionAttribute<Boolean> TRANSMITTING =
      new ExecutionAttribute<>("strangler.transmitting");

  @Override
  public void beforeTransmission(
      Context.BeforeTransmission context, ExecutionAttributes attributes) {
    attributes.putAttribute(TRANSMITTING, Boolean.TRUE);
  }

  @Override
  public Throwable modifyException(
      Context.FailedExecution context, ExecutionAttributes attributes) {
    Throwable failure = context.exception();
    if (Boolean.TRUE.equals(attributes.getAttribute(TRANSMITTING)) || failure instanceof NotSent) {
      return failure;
    }
    return new NotSent(failure);
  }
}
