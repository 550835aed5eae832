package dev.strangler.functions.runtime.sandbox;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.LambdaRuntime;
import dev.strangler.functions.runtime.logs.EnvironmentOutput;
import java.lang.reflect.Field;

/**
 * Makes {@code LambdaRuntime.getLogger()} write to the log of the execution environment that calls
 * it. The class is shared by all environments (it is part of aws-lambda-java-core), so the runtime
 * installs one logger that looks up the calling thread's environment, as the Java runtime installs
 * its own logger there.
 */
final class RuntimeLoggerRouting {

  private static final InheritableThreadLocal<EnvironmentOutput> CURRENT =
      new InheritableThreadLocal<>();

  private static volatile boolean installed;

  private RuntimeLoggerRouting() {}

  static void bind(EnvironmentOutput output) {
    installOnce();
    CURRENT.set(output);
  }

  private static synchronized void installOnce() {
    if (installed) {
      return;
    }
    installed = true;
    LambdaLogger fallback = LambdaRuntime.getLogger();
    LambdaLogger routing =
        new LambdaLogger() {
          @Override
          public void log(String message) {
            EnvironmentOutput output = CURRENT.get();
            (output == null ? fallback : output.logger()).log(message);
          }

          @Override
          public void log(byte[] message) {
            EnvironmentOutput output = CURRENT.get();
            (output == null ? fallback : output.logger()).log(message);
          }
        };
    try {
      Field logger = LambdaRuntime.class.getDeclaredField("logger");
      logger.setAccessible(true);
      logger.set(null, routing);
    } catch (ReflectiveOperationException | RuntimeException e) {
      // Another version of aws-lambda-java-core: its default logger prints to the console, which
      // loses only the line's place in the invocation's log.
    }
  }
}
