package dev.strangler.functions.runtime.invoke;

import dev.strangler.functions.runtime.fault.FaultPlan;
import dev.strangler.functions.runtime.fault.FaultRegistry;
import dev.strangler.functions.runtime.sandbox.ExecutionEnvironment;
import dev.strangler.functions.runtime.template.FunctionDefinition;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;

/**
 * Lambda's Invoke operation over the functions of a template, without HTTP: validates the request
 * as Lambda does (function, qualifier, sizes, JSON), enforces concurrency and dispatches by
 * invocation type. Thread-safe.
 */
public final class LambdaService implements AutoCloseable {

  /**
   * @param defaultConcurrency the limit of functions without {@code ReservedConcurrentExecutions}
   * @param idleTimeout how long a warm environment waits for work before it is reaped
   * @param console where function logs are echoed
   */
  public record Settings(
      String region,
      String accountId,
      int defaultConcurrency,
      Duration idleTimeout,
      PrintStream console,
      Clock clock) {
    public Settings {
      Objects.requireNonNull(region, "region");
      Objects.requireNonNull(accountId, "accountId");
      Objects.requireNonNull(idleTimeout, "idleTimeout");
      Objects.requireNonNull(console, "console");
      Objects.requireNonNull(clock, "clock");
    }
  }

  private static final byte[] EMPTY_EVENT = "{}".getBytes(StandardCharsets.UTF_8);

  private final Settings settings;
  private final FaultRegistry faults;
  private final Map<String, DeployedFunction> byName = new LinkedHashMap<>();
  private final List<DeployedFunction> functions = new ArrayList<>();
  private final InvocationRunner runner;
  private final ExecutorService events;

  public LambdaService(
      List<FunctionDefinition> definitions, Settings settings, FaultRegistry faults) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.faults = Objects.requireNonNull(faults, "faults");
    this.runner = new InvocationRunner(settings.region(), settings.console(), settings.clock());
    for (FunctionDefinition definition : definitions) {
      DeployedFunction function =
          new DeployedFunction(definition, arnOf(definition.name()), settings.defaultConcurrency());
      functions.add(function);
      byName.put(definition.name(), function);
      byName.putIfAbsent(definition.logicalId(), function);
    }
    AtomicInteger eventThreads = new AtomicInteger();
    this.events =
        Executors.newCachedThreadPool(
            task -> {
              Thread thread = new Thread(task, "lambda-event-" + eventThreads.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
  }

  public InvokeResult invoke(InvokeRequest request) {
    String requestId = UUID.randomUUID().toString();
    Optional<InvocationType> type = InvocationType.fromHeader(request.invocationType());
    if (type.isEmpty()) {
      return ServiceErrors.badRequest(
          requestId,
          "ValidationException",
          "1 validation error detected: Value '"
              + request.invocationType()
              + "' at 'invocationType' failed to satisfy constraint: Member must satisfy enum"
              + " value set: [Event, RequestResponse, DryRun]");
    }
    String logType = request.logType();
    if (logType != null && !logType.equals("None") && !logType.equals("Tail")) {
      return ServiceErrors.badRequest(
          requestId,
          "ValidationException",
          "1 validation error detected: Value '"
              + logType
              + "' at 'logType' failed to satisfy constraint: Member must satisfy enum value set:"
              + " [None, Tail]");
    }
    FunctionReference.Result parsed =
        FunctionReference.parse(request.functionName(), request.qualifier());
    if (!parsed.isValid()) {
      return ServiceErrors.badRequest(
          requestId, parsed.problem().errorType(), parsed.problem().message());
    }
    FunctionReference reference = parsed.reference();
    DeployedFunction function = byName.get(reference.name());
    if (function == null) {
      String arn = arnOf(reference.name());
      return ServiceErrors.functionNotFound(
          requestId, reference.qualifier().map(q -> arn + ":" + q).orElse(arn));
    }
    Optional<String> version = function.versionFor(reference.qualifier());
    if (version.isEmpty()) {
      return ServiceErrors.functionNotFound(requestId, function.arn(reference.qualifier()));
    }
    if (request.payloadSize() > Limits.SYNC_PAYLOAD_BYTES) {
      return ServiceErrors.requestTooLarge(requestId);
    }
    if (type.get() == InvocationType.EVENT && request.payloadSize() > Limits.ASYNC_PAYLOAD_BYTES) {
      return ServiceErrors.eventTooLarge(requestId, request.payloadSize());
    }
    Optional<String> notJson = jsonProblem(request.payload());
    if (notJson.isPresent()) {
      return ServiceErrors.invalidContent(requestId, notJson.get());
    }
    // Lambda hands an empty payload to the function as an empty JSON object.
    byte[] event = request.payload().length == 0 ? EMPTY_EVENT : request.payload();
    Invocation invocation =
        new Invocation(
            function,
            version.get(),
            reference.qualifier(),
            requestId,
            event,
            "Tail".equals(logType));
    return switch (type.get()) {
      case DRY_RUN -> new InvokeResult.DryRunPassed(requestId);
      case EVENT -> queue(invocation);
      case REQUEST_RESPONSE -> runNow(invocation);
    };
  }

  private record Invocation(
      DeployedFunction function,
      String version,
      Optional<String> qualifier,
      String requestId,
      byte[] event,
      boolean tailLog) {}

  private InvokeResult runNow(Invocation invocation) {
    DeployedFunction function = invocation.function();
    FaultPlan fault = faults.takeFor(function.name());
    if (fault.throttles() || !function.concurrency().tryAcquire()) {
      function.stats().throttles.incrementAndGet();
      return ServiceErrors.throttled(
          invocation.requestId(), function.concurrency().throttleReason());
    }
    try {
      return run(invocation, fault);
    } finally {
      function.concurrency().release();
    }
  }

  private InvokeResult queue(Invocation invocation) {
    DeployedFunction function = invocation.function();
    try {
      events.execute(
          () -> {
            FaultPlan fault = faults.takeFor(function.name());
            if (fault.throttles()) {
              function.stats().throttles.incrementAndGet();
              settings
                  .console()
                  .println(
                      "Event "
                          + invocation.requestId()
                          + " for "
                          + function.name()
                          + " dropped: throttled by an injected fault");
              return;
            }
            try {
              function.concurrency().acquire();
            } catch (InterruptedException stopping) {
              return;
            }
            try {
              run(invocation, fault);
            } finally {
              function.concurrency().release();
            }
          });
    } catch (RejectedExecutionException stopping) {
      return ServiceErrors.serviceFailure(invocation.requestId(), "The runtime is stopping");
    }
    return new InvokeResult.Accepted(invocation.requestId());
  }

  private InvokeResult.Completed run(Invocation invocation, FaultPlan fault) {
    return runner.run(
        invocation.function(),
        invocation.version(),
        invocation.qualifier(),
        invocation.requestId(),
        invocation.event(),
        invocation.tailLog(),
        fault);
  }

  private static Optional<String> jsonProblem(byte[] payload) {
    if (payload.length == 0) {
      return Optional.empty();
    }
    try (JsonParser parser = Json.MAPPER.createParser(payload)) {
      if (parser.nextToken() == null) {
        return Optional.empty();
      }
      parser.skipChildren();
      if (parser.nextToken() != null) {
        return Optional.of("Unexpected content after the JSON value");
      }
      return Optional.empty();
    } catch (JacksonException e) {
      return Optional.of(e.getOriginalMessage());
    }
  }

  /** The function of that name or logical id. */
  public Optional<String> canonicalName(String nameOrLogicalId) {
    return Optional.ofNullable(byName.get(nameOrLogicalId)).map(DeployedFunction::name);
  }

  public List<String> functionNames() {
    return functions.stream().map(DeployedFunction::name).toList();
  }

  public List<FunctionStatus> status() {
    return functions.stream()
        .map(
            function ->
                new FunctionStatus(
                    function.definition(),
                    function.qualifiers(),
                    function.concurrency().limit(),
                    function.pool().warm(),
                    function.pool().busy(),
                    function.stats().invocations.get(),
                    function.stats().coldStarts.get(),
                    function.stats().errors.get(),
                    function.stats().timeouts.get(),
                    function.stats().throttles.get(),
                    faults.planFor(function.name())))
        .toList();
  }

  /** Discards the warm environments idle for longer than the idle timeout; returns how many. */
  public int reapIdleEnvironments() {
    int reaped = 0;
    for (DeployedFunction function : functions) {
      List<ExecutionEnvironment> idle =
          function.pool().removeIdleSince(settings.clock().instant().minus(settings.idleTimeout()));
      idle.forEach(ExecutionEnvironment::discard);
      reaped += idle.size();
    }
    return reaped;
  }

  /** Discards a function's warm environments now, so that the next invocation starts cold. */
  public int discardWarmEnvironments(String name) {
    DeployedFunction function = byName.get(name);
    if (function == null) {
      return 0;
    }
    List<ExecutionEnvironment> idle =
        function.pool().removeIdleSince(settings.clock().instant().plusSeconds(1));
    idle.forEach(ExecutionEnvironment::discard);
    return idle.size();
  }

  private String arnOf(String name) {
    return "arn:aws:lambda:" + settings.region() + ":" + settings.accountId() + ":function:" + name;
  }

  /** Stops queued events and discards every environment, interrupting running invocations. */
  @Override
  public void close() {
    events.shutdownNow();
    for (DeployedFunction function : functions) {
      function.pool().removeAll().forEach(ExecutionEnvironment::discard);
    }
  }
}
