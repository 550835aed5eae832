package dev.strangler.proxy.support;

import dev.strangler.proxy.StranglerProxyApplication;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** The real proxy application, started in this JVM on a random loopback port. */
public final class Proxy implements AutoCloseable {

  private final ConfigurableApplicationContext context;
  private final URI url;

  private Proxy(ConfigurableApplicationContext context) {
    this.context = context;
    int port = ((WebServerApplicationContext) context).getWebServer().getPort();
    this.url = URI.create("http://127.0.0.1:" + port);
  }

  /**
   * Starts the proxy in front of {@code monolith} with extra settings and configuration classes
   * (test doubles where a later issue brings the real part).
   */
  public static Proxy start(URI monolith, Map<String, String> settings, Class<?>... sources) {
    List<String> args = new ArrayList<>(commonArgs());
    args.add("--strangler.monolith.url=" + monolith);
    Map<String, String> merged = new LinkedHashMap<>(SAFE_LAMBDA_DEFAULTS);
    merged.putAll(TEST_ADMIN_USERS);
    merged.putAll(settings);
    merged.forEach((key, value) -> args.add("--" + key + "=" + value));
    ConfigurableApplicationContext context =
        new SpringApplicationBuilder(StranglerProxyApplication.class)
            .sources(sources)
            .web(WebApplicationType.REACTIVE)
            .run(args.toArray(String[]::new));
    return new Proxy(context);
  }

  public static Proxy start(URI monolith) {
    return start(monolith, Map.of());
  }

  /**
   * Unless a test says otherwise, the Lambda client points at a closed loopback port and never
   * primes: no test may reach AWS.
   */
  public static final Map<String, String> SAFE_LAMBDA_DEFAULTS =
      Map.of(
          "strangler.lambda.endpoint", "http://127.0.0.1:9",
          "strangler.lambda.credentials", "anonymous",
          "strangler.lambda.region", "eu-west-1",
          "strangler.lambda.prime", "false");

  public static final String VIEWER = "test-viewer";
  public static final String VIEWER_PASSWORD = "viewer-secret";
  public static final String OPERATOR = "test-operator";
  public static final String OPERATOR_PASSWORD = "operator-secret";

  /** The admin users of every test proxy, unless a test sets its own (or empty ones). */
  public static final Map<String, String> TEST_ADMIN_USERS =
      Map.of(
          "strangler.admin.viewer.username",
          VIEWER,
          "strangler.admin.viewer.password",
          "{noop}" + VIEWER_PASSWORD,
          "strangler.admin.operator.username",
          OPERATOR,
          "strangler.admin.operator.password",
          "{noop}" + OPERATOR_PASSWORD);

  /** {@code Authorization} header value of the test viewer, for reads on the management port. */
  public static final String VIEWER_AUTHORIZATION = basic(VIEWER, VIEWER_PASSWORD);

  public static final String OPERATOR_AUTHORIZATION = basic(OPERATOR, OPERATOR_PASSWORD);

  /** An HTTP Basic {@code Authorization} header value. */
  public static String basic(String user, String password) {
    return "Basic "
        + java.util.Base64.getEncoder()
            .encodeToString(
                (user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /** Settings every proxy started by the tests shares: loopback only, random ports. */
  public static List<String> commonArgs() {
    return List.of(
        "--server.address=127.0.0.1",
        "--server.port=0",
        "--management.server.address=127.0.0.1",
        "--management.server.port=0");
  }

  public URI url() {
    return url;
  }

  /** Base URL of the actuator, on its own port. */
  public URI management() {
    return URI.create(
        "http://127.0.0.1:" + context.getEnvironment().getProperty("local.management.port"));
  }

  public <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  public int port() {
    return url.getPort();
  }

  @Override
  public void close() {
    context.close();
  }
}
