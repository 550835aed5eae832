package dev.strangler.proxy.scale;

import dev.strangler.proxy.StranglerProxyApplication;
import dev.strangler.proxy.support.FreePort;
import dev.strangler.proxy.support.JavaProcess;
import dev.strangler.proxy.support.Proxy;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One replica of the proxy, as a pod runs it: a JVM of its own on loopback ports, with the settings
 * a test gives on top of the tests' safe Lambda defaults. Launching does not wait, so that several
 * replicas start side by side; {@link #awaitReady()} waits for the health endpoint.
 */
final class Replica implements AutoCloseable {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

  private final String name;
  private final JavaProcess process;
  private final URI url;
  private final URI management;

  private Replica(String name, JavaProcess process, URI url, URI management) {
    this.name = name;
    this.process = process;
    this.url = url;
    this.management = management;
  }

  /** Starts a replica in front of {@code monolith}; {@code settings} override the defaults. */
  static Replica launch(String name, URI monolith, Map<String, String> settings) {
    return launch(
        name,
        monolith,
        settings,
        List.of("-Xmx192m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
  }

  /**
   * As {@link #launch(String, URI, Map)}, with the JVM's flags: a replica that must serve many
   * requests fast wants the full JIT, one that must start fast does not.
   */
  static Replica launch(
      String name, URI monolith, Map<String, String> settings, List<String> jvmFlags) {
    int port = FreePort.next();
    int managementPort = FreePort.next();
    Map<String, String> all = new LinkedHashMap<>(Proxy.SAFE_LAMBDA_DEFAULTS);
    all.putAll(Proxy.TEST_ADMIN_USERS);
    all.put("strangler.monolith.url", monolith.toString());
    all.put("server.address", "127.0.0.1");
    all.put("server.port", String.valueOf(port));
    all.put("management.server.address", "127.0.0.1");
    all.put("management.server.port", String.valueOf(managementPort));
    all.putAll(settings);
    List<String> args = new ArrayList<>();
    all.forEach((key, value) -> args.add("--" + key + "=" + value));
    JavaProcess process =
        JavaProcess.startMain(
            "proxy-" + name, withoutEc2Metadata(jvmFlags), StranglerProxyApplication.class, args);
    return new Replica(
        name,
        process,
        URI.create("http://127.0.0.1:" + port),
        URI.create("http://127.0.0.1:" + managementPort));
  }

  private static List<String> withoutEc2Metadata(List<String> jvmFlags) {
    List<String> all = new ArrayList<>(jvmFlags);
    all.add("-Daws.disableEc2Metadata=true");
    return all;
  }

  /** Waits until the replica's health endpoint answers, failing with its log if it died. */
  Replica awaitReady() {
    process.awaitReady(management.resolve("/actuator/health"), START_TIMEOUT);
    return this;
  }

  String name() {
    return name;
  }

  JavaProcess process() {
    return process;
  }

  /** Public base URL, e.g. {@code http://127.0.0.1:41234}. */
  URI url() {
    return url;
  }

  /** {@code host:port} of the public port, as nginx names an upstream server. */
  String address() {
    return url.getHost() + ":" + url.getPort();
  }

  /** Base URL of the actuator. */
  URI management() {
    return management;
  }

  @Override
  public String toString() {
    return name + " (" + address() + ")";
  }

  @Override
  public void close() {
    process.close();
  }
}
