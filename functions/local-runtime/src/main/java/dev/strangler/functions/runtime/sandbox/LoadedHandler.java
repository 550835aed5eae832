package dev.strangler.functions.runtime.sandbox;

import com.amazonaws.services.lambda.runtime.Context;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A function's handler, constructed and ready: every handler shape (typed {@code RequestHandler},
 * {@code RequestStreamHandler}, any public method) reads the event from a stream and writes its
 * answer to one, as the Java runtime wraps them.
 */
public interface LoadedHandler {

  /**
   * @throws Throwable what the function threw, unwrapped; or a {@code RuntimeException} named as
   *     the Java runtime names it when the event or the answer cannot be (de)serialized
   */
  void handle(InputStream event, OutputStream answer, Context context) throws Throwable;
}
