package dev.strangler.functions.runtime;

import dev.strangler.functions.runtime.fault.FaultRegistry;
import dev.strangler.functions.runtime.http.InvokeApiServer;
import dev.strangler.functions.runtime.invoke.LambdaService;
import dev.strangler.functions.runtime.template.SamTemplate;
import dev.strangler.functions.runtime.template.TemplateException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs the Java functions of a SAM template behind Lambda's Invoke API on a loopback port, as
 * {@code sam local start-lambda} does but without Docker: point an AWS SDK client's {@code
 * endpointOverride} at {@link #url()}. Start it from the command line ({@link #main}) or in process
 * ({@link #start}); close it to stop.
 */
public final class LocalLambdaRuntime implements AutoCloseable {

  /** The account of every ARN: there is none, so this is the one AWS's examples use. */
  public static final String ACCOUNT_ID = "123456789012";

  private final SamTemplate template;
  private final FaultRegistry faults;
  private final LambdaService service;
  private final InvokeApiServer server;
  private final ScheduledExecutorService reaper;
  private final CountDownLatch closed = new CountDownLatch(1);

  private LocalLambdaRuntime(
      SamTemplate template,
      FaultRegistry faults,
      LambdaService service,
      InvokeApiServer server,
      ScheduledExecutorService reaper) {
    this.template = template;
    this.faults = faults;
    this.service = service;
    this.server = server;
    this.reaper = reaper;
  }

  /**
   * Loads the template and starts serving.
   *
   * @throws TemplateException when the template cannot be run locally
   * @throws IOException when the port cannot be bound
   */
  public static LocalLambdaRuntime start(Config config) throws IOException {
    Objects.requireNonNull(config, "config");
    SamTemplate template =
        SamTemplate.load(
            config.template(),
            config.parameters(),
            Map.of(
                "AWS::Region", config.region(),
                "AWS::AccountId", ACCOUNT_ID,
                "AWS::Partition", "aws",
                "AWS::URLSuffix", "amazonaws.com",
                "AWS::StackName", "local",
                "AWS::StackId", "local"));
    FaultRegistry faults = new FaultRegistry();
    LambdaService service =
        new LambdaService(
            template.functions(),
            new LambdaService.Settings(
                config.region(),
                ACCOUNT_ID,
                config.defaultConcurrency(),
                config.idleTimeout(),
                config.functionLogs(),
                config.clock()),
            faults);
    InvokeApiServer server;
    try {
      server =
          InvokeApiServer.start(
              new InetSocketAddress(config.host(), config.port()),
              service,
              faults,
              config.functionLogs());
    } catch (IOException | RuntimeException e) {
      service.close();
      throw e;
    }
    ScheduledExecutorService reaper =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "environment-reaper");
              thread.setDaemon(true);
              return thread;
            });
    long period = reapPeriod(config.idleTimeout()).toMillis();
    reaper.scheduleWithFixedDelay(
        service::reapIdleEnvironments, period, period, TimeUnit.MILLISECONDS);
    return new LocalLambdaRuntime(template, faults, service, server, reaper);
  }

  /** Often enough that an environment outlives its idle timeout by a quarter at most. */
  private static Duration reapPeriod(Duration idleTimeout) {
    long quarter = Math.max(25, idleTimeout.toMillis() / 4);
    return Duration.ofMillis(Math.min(quarter, 30_000));
  }

  /** {@code http://127.0.0.1:PORT}: the SDK's {@code endpointOverride}. */
  public URI url() {
    return server.url();
  }

  public List<String> functionNames() {
    return service.functionNames();
  }

  public SamTemplate template() {
    return template;
  }

  /** The fault plans, for tests that start the runtime in process. */
  public FaultRegistry faults() {
    return faults;
  }

  /** Stops serving and discards every execution environment. Idempotent. */
  @Override
  public void close() {
    if (closed.getCount() == 0) {
      return;
    }
    server.close();
    reaper.shutdownNow();
    service.close();
    closed.countDown();
  }

  /** Waits until {@link #close()} has run. */
  public void awaitClosed() throws InterruptedException {
    closed.await();
  }

  public static void main(String[] args) throws InterruptedException {
    CommandLine commandLine;
    try {
      commandLine = CommandLine.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println();
      System.err.println(CommandLine.USAGE);
      System.exit(2);
      return;
    }
    if (commandLine.helpRequested()) {
      System.out.println(CommandLine.USAGE);
      return;
    }
    LocalLambdaRuntime runtime;
    try {
      runtime = start(commandLine.config());
    } catch (TemplateException | IOException | IllegalArgumentException e) {
      System.err.println("Cannot start the local Lambda runtime: " + e.getMessage());
      System.exit(1);
      return;
    }
    runtime.template().warnings().forEach(warning -> System.err.println("Warning: " + warning));
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  runtime.close();
                  System.out.println("Local Lambda runtime stopped");
                },
                "local-lambda-shutdown"));
    System.out.println(
        "Local Lambda runtime listening on "
            + runtime.url()
            + " (functions: "
            + String.join(", ", runtime.functionNames())
            + ")");
    runtime.awaitClosed();
  }
}
