package dev.strangler.functions.runtime.sandbox;

import java.util.Set;

/**
 * The parent of every execution environment's class loader: the JDK (platform class loader) plus
 * the classes of {@code aws-lambda-java-core}, taken from the runtime. On Lambda, too, the
 * runtime's copy of those interfaces wins over the one shaded into the function's jar; sharing them
 * is what lets the runtime hand its {@code Context} to the handler.
 */
final class LambdaCoreClassLoader extends ClassLoader {

  /** The packages of aws-lambda-java-core; events, serialization and the rest are not shared. */
  static final Set<String> SHARED_PACKAGES =
      Set.of(
          "com.amazonaws.services.lambda.runtime", "com.amazonaws.services.lambda.runtime.logging");

  static final LambdaCoreClassLoader INSTANCE =
      new LambdaCoreClassLoader(LambdaCoreClassLoader.class.getClassLoader());

  static {
    registerAsParallelCapable();
  }

  private final ClassLoader runtimeLoader;

  private LambdaCoreClassLoader(ClassLoader runtimeLoader) {
    super("lambda-core", ClassLoader.getPlatformClassLoader());
    this.runtimeLoader = runtimeLoader;
  }

  static boolean isShared(String className) {
    int lastDot = className.lastIndexOf('.');
    return lastDot > 0 && SHARED_PACKAGES.contains(className.substring(0, lastDot));
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    if (isShared(name)) {
      return runtimeLoader.loadClass(name);
    }
    return super.loadClass(name, resolve);
  }
}
