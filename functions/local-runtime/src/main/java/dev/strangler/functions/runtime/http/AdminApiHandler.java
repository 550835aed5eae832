package dev.strangler.functions.runtime.http;

import com.sun.net.httpserver.HttpExchange;
import dev.strangler.functions.runtime.fault.FaultPlan;
import dev.strangler.functions.runtime.fault.FaultRegistry;
import dev.strangler.functions.runtime.invoke.FunctionStatus;
import dev.strangler.functions.runtime.invoke.LambdaService;
import dev.strangler.functions.runtime.template.FunctionDefinition;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The runtime's own API under {@code /_local/}, a path the Invoke API never uses: health, the
 * functions with their environments and counters, and fault injection per function, switchable
 * while the runtime runs.
 *
 * <pre>
 * GET    /_local/health
 * GET    /_local/functions
 * DELETE /_local/functions/{function}/environments   discard warm environments (next call is cold)
 * GET    /_local/faults
 * PUT    /_local/faults/{function}                   {"latencyMs":N,"throw":"..","timeout":true,
 *                                                     "throttle":true,"malformed":true,
 *                                                     "throttleNext":N}
 * DELETE /_local/faults/{function}
 * DELETE /_local/faults                              clear every fault
 * </pre>
 */
final class AdminApiHandler {

  static final String PREFIX = "/_local/";

  private final LambdaService service;
  private final FaultRegistry faults;

  AdminApiHandler(LambdaService service, FaultRegistry faults) {
    this.service = Objects.requireNonNull(service, "service");
    this.faults = Objects.requireNonNull(faults, "faults");
  }

  void handle(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    List<String> path =
        List.of(exchange.getRequestURI().getPath().substring(PREFIX.length()).split("/", -1));
    String resource = path.get(0);
    if (path.size() == 1 && resource.equals("health") && method.equals("GET")) {
      Exchanges.sendJson(
          exchange, 200, Map.of("status", "UP", "functions", service.functionNames().size()));
    } else if (path.size() == 1 && resource.equals("functions") && method.equals("GET")) {
      Exchanges.sendJson(exchange, 200, service.status().stream().map(this::functionJson).toList());
    } else if (path.size() == 3
        && resource.equals("functions")
        && path.get(2).equals("environments")
        && method.equals("DELETE")) {
      Optional<String> function = service.canonicalName(path.get(1));
      if (function.isEmpty()) {
        notFound(exchange, path.get(1));
        return;
      }
      Exchanges.sendJson(
          exchange, 200, Map.of("discarded", service.discardWarmEnvironments(function.get())));
    } else if (path.size() == 1 && resource.equals("faults")) {
      allFaults(exchange, method);
    } else if (path.size() == 2 && resource.equals("faults")) {
      oneFault(exchange, method, path.get(1));
    } else {
      Exchanges.sendJson(
          exchange,
          404,
          Map.of(
              "message", "No admin resource " + method + " " + exchange.getRequestURI().getPath()));
    }
  }

  private void allFaults(HttpExchange exchange, String method) throws IOException {
    if (method.equals("GET")) {
      Map<String, Object> all = new LinkedHashMap<>();
      faults.all().forEach((function, plan) -> all.put(function, FaultPlanJson.toJson(plan)));
      Exchanges.sendJson(exchange, 200, all);
    } else if (method.equals("DELETE")) {
      faults.clearAll();
      Exchanges.send(exchange, 204, Map.of(), null);
    } else {
      methodNotAllowed(exchange, "GET, DELETE");
    }
  }

  private void oneFault(HttpExchange exchange, String method, String name) throws IOException {
    Optional<String> function = service.canonicalName(name);
    if (function.isEmpty()) {
      Exchanges.readBody(exchange, 0);
      notFound(exchange, name);
      return;
    }
    switch (method) {
      case "GET" ->
          Exchanges.sendJson(exchange, 200, FaultPlanJson.toJson(faults.planFor(function.get())));
      case "PUT" -> {
        FaultPlan plan;
        try {
          plan = FaultPlanJson.parse(Exchanges.readBody(exchange, 64 * 1024).bytes());
        } catch (IllegalArgumentException e) {
          Exchanges.sendJson(exchange, 400, Map.of("message", e.getMessage()));
          return;
        }
        faults.set(function.get(), plan);
        Exchanges.sendJson(
            exchange, 200, Map.of("function", function.get(), "fault", FaultPlanJson.toJson(plan)));
      }
      case "DELETE" -> {
        faults.clear(function.get());
        Exchanges.send(exchange, 204, Map.of(), null);
      }
      default -> methodNotAllowed(exchange, "GET, PUT, DELETE");
    }
  }

  private Map<String, Object> functionJson(FunctionStatus status) {
    FunctionDefinition definition = status.definition();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("name", definition.name());
    json.put("logicalId", definition.logicalId());
    json.put("handler", definition.handler());
    json.put("runtime", definition.runtime());
    json.put("codeUri", definition.codeUri().toString());
    json.put("memorySize", definition.memoryMb());
    json.put("timeout", definition.timeout().toSeconds());
    json.put(
        "reservedConcurrentExecutions",
        definition.reservedConcurrency().isPresent()
            ? definition.reservedConcurrency().getAsInt()
            : null);
    json.put("concurrencyLimit", status.concurrencyLimit());
    json.put("qualifiers", status.qualifiers());
    json.put("warmEnvironments", status.warmEnvironments());
    json.put("busyEnvironments", status.busyEnvironments());
    json.put("coldStarts", status.coldStarts());
    json.put("invocations", status.invocations());
    json.put("errors", status.errors());
    json.put("timeouts", status.timeouts());
    json.put("throttles", status.throttles());
    json.put("fault", status.fault().isNone() ? null : FaultPlanJson.toJson(status.fault()));
    return json;
  }

  private static void notFound(HttpExchange exchange, String name) throws IOException {
    Exchanges.sendJson(exchange, 404, Map.of("message", "Function not found: " + name));
  }

  private static void methodNotAllowed(HttpExchange exchange, String allowed) throws IOException {
    exchange.getResponseHeaders().set("Allow", allowed);
    Exchanges.sendJson(exchange, 405, Map.of("message", "Allowed: " + allowed));
  }
}
