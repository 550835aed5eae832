package dev.strangler.functions.shop.db;

/**
 * The connection that the handlers' no-argument constructors use, the ones the Lambda runtime
 * calls. Static so that it outlives the handler instance and is built during the init phase;
 * nothing connects before the first invocation.
 */
public final class SharedDatabase {

  private static final LazyConnection CONNECTION =
      LazyConnection.to(DatabaseSettings.fromEnvironment(System.getenv()));

  private SharedDatabase() {}

  public static ConnectionProvider connection() {
    return CONNECTION;
  }
}
