package dev.strangler.functions.shop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.functions.shop.support.ShopDatabase;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.h2.tools.Server;
import org.junit.jupiter.api.Test;

/**
 * The deployment package works on its own: with nothing but the shaded jar on the classpath, the
 * handlers start from the environment, load the JDBC driver, reach the monolith's database over the
 * network, validate, write in a transaction, and scale images.
 */
class ShadedJarIT {

  private static final Path JAR = Path.of(System.getProperty("shaded.jar", "missing"));

  @Test
  void bundlesBothJdbcDriversButNoTestOnlyLibraries() throws IOException {
    try (JarFile jar = new JarFile(JAR.toFile())) {
      String drivers;
      try (InputStream services =
          jar.getInputStream(jar.getEntry("META-INF/services/java.sql.Driver"))) {
        drivers = new String(services.readAllBytes(), StandardCharsets.UTF_8);
      }
      assertThat(drivers).contains("org.h2.Driver", "org.postgresql.Driver");
      assertThat(jar.getEntry("dev/strangler/functions/shop/GetProductsHandler.class")).isNotNull();
      assertThat(jar.getEntry("dev/strangler/functions/shop/CreateOrderHandler.class")).isNotNull();
      assertThat(jar.getEntry("org/flywaydb/core/Flyway.class")).isNull();
      assertThat(jar.getEntry("db/migration/V1__schema.sql")).isNull();
      assertThat(jar.getEntry("dev/strangler/functions/shop/ShadedJarSmoke.class")).isNull();
    }
  }

  @Test
  void runsEveryHandlerAgainstASharedDatabaseFromTheEnvironment() throws Exception {
    try (ShopDatabase database = ShopDatabase.migrated()) {
      int port = freePort();
      Server server = Server.createTcpServer("-tcpPort", String.valueOf(port)).start();
      try {
        List<String> lines = runSmoke(database.tcpUrl(port));

        assertThat(lines)
            .contains(
                "products 200 {\"id\":9,\"sku\":\"BOK-001\",\"name\":\"Refactoring Legacy Code\","
                    + "\"category\":\"books\",\"price\":39.99,\"description\":\"Techniques for"
                    + " changing code without tests.\"}",
                "user 201 {\"id\":3,\"name\":\"Smoke\",\"email\":\"smoke@example.com\"}",
                "order 201 {\"id\":1,\"userId\":1,\"items\":[{\"productId\":9,\"productName\":"
                    + "\"Refactoring Legacy Code\",\"quantity\":2,\"unitPrice\":39.99,"
                    + "\"lineTotal\":79.98}],\"total\":79.98}");
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("invalid-user 400 "));
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("unknown-product 422 "));
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("thumbnail 200 base64:"));
        database.execute("DELETE FROM app_user WHERE email = 'smoke@example.com'");
      } finally {
        server.stop();
      }
    }
  }

  private static List<String> runSmoke(String dbUrl) throws Exception {
    String testClasses =
        Path.of(ShadedJarSmoke.class.getProtectionDomain().getCodeSource().getLocation().toURI())
            .toString();
    Path output = Files.createTempFile("shaded-jar-smoke-", ".log");
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                JAR + File.pathSeparator + testClasses,
                ShadedJarSmoke.class.getName())
            .redirectErrorStream(true)
            .redirectOutput(output.toFile());
    builder.environment().put("DB_URL", dbUrl);
    builder.environment().put("DB_USER", "sa");
    builder.environment().put("DB_PASSWORD", "");
    Process process = builder.start();
    boolean exited = process.waitFor(60, TimeUnit.SECONDS);
    if (!exited) {
      process.destroyForcibly();
    }
    String log = Files.readString(output);
    assertThat(exited).as(log).isTrue();
    assertThat(process.exitValue()).as(log).isZero();
    return log.lines().toList();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
