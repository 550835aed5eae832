package dev.strangler.proxy.support;

import dev.strangler.proxy.StranglerProxyApplication;
import java.net.URI;
import java.util.ArrayList;
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
    settings.forEach((key, value) -> args.add("--" + key + "=" + value));
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
