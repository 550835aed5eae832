package dev.strangler.proxy.support;

import dev.strangler.proxy.StranglerProxyApplication;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The proxy in a JVM of its own: for heap limits, signals and start-up failures. */
public final class ProxyProcess {
  private ProxyProcess() {}

  /** Starts the proxy and returns once its health endpoint answers. */
  public static Started start(List<String> jvmArgs, URI monolith) {
    return start(jvmArgs, monolith, Map.of());
  }

  /** Starts the proxy with {@code settings} over the tests' safe Lambda defaults. */
  public static Started start(List<String> jvmArgs, URI monolith, Map<String, String> settings) {
    return startUnder(List.of(), jvmArgs, monolith, settings);
  }

  /**
   * Starts the proxy as {@link #start(List, URI, Map)} does, with its JVM run by {@code
   * commandPrefix} (e.g. {@code prlimit --nofile=1024:1024 --} for a file-descriptor limit).
   */
  public static Started startUnder(
      List<String> commandPrefix,
      List<String> jvmArgs,
      URI monolith,
      Map<String, String> settings) {
    int port = FreePort.next();
    int managementPort = FreePort.next();
    List<String> args = new ArrayList<>();
    args.add("--strangler.monolith.url=" + monolith);
    args.add("--server.address=127.0.0.1");
    args.add("--server.port=" + port);
    args.add("--management.server.address=127.0.0.1");
    args.add("--management.server.port=" + managementPort);
    Map<String, String> merged = new LinkedHashMap<>(Proxy.SAFE_LAMBDA_DEFAULTS);
    merged.putAll(settings);
    merged.forEach((key, value) -> args.add("--" + key + "=" + value));
    JavaProcess process =
        JavaProcess.startMain(
            "proxy",
            commandPrefix,
            withTestDefaults(jvmArgs),
            StranglerProxyApplication.class,
            args);
    URI health = URI.create("http://127.0.0.1:" + managementPort + "/actuator/health");
    process.awaitReady(health, Duration.ofSeconds(60));
    return new Started(
        process,
        URI.create("http://127.0.0.1:" + port),
        URI.create("http://127.0.0.1:" + managementPort));
  }

  /** Starts the proxy with exactly {@code args}, for start-up that is meant to fail. */
  public static JavaProcess run(List<String> args) {
    return JavaProcess.startMain(
        "proxy",
        withTestDefaults(List.of("-XX:TieredStopAtLevel=1")),
        StranglerProxyApplication.class,
        args);
  }

  /** Never let the AWS SDK probe the EC2 metadata address from a test. */
  private static List<String> withTestDefaults(List<String> jvmArgs) {
    List<String> all = new ArrayList<>(jvmArgs);
    all.add("-Daws.disableEc2Metadata=true");
    return all;
  }

  /** A running proxy process with its public and management base URLs. */
  public record Started(JavaProcess process, URI url, URI management) implements AutoCloseable {
    @Override
    public void close() {
      process.close();
    }
  }
}
