package dev.strangler.proxy.lambda.event;

/** Why a response payload is malformed; internal control flow, hence no stack trace. */
final class MalformedResponseException extends Exception {

  MalformedResponseException(String reason) {
    super(reason, null, false, false);
  }
}
