package dev.strangler.proxy.lambda;

import static java.util.Objects.requireNonNull;

import dev.strangler.proxy.budget.BodyBudget;
import dev.strangler.proxy.budget.BufferMeters;
import dev.strangler.proxy.budget.BufferedBody;
import dev.strangler.proxy.config.StranglerProperties;
import dev.strangler.proxy.edge.framing.HopByHopFields;
import dev.strangler.proxy.lambda.event.ApiGatewayEvents;
import dev.strangler.proxy.lambda.event.ApiGatewayResponses;
import dev.strangler.proxy.lambda.event.EventContext;
import dev.strangler.proxy.lambda.event.EventResult;
import dev.strangler.proxy.lambda.event.FunctionHttpResponse;
import dev.strangler.proxy.lambda.event.FunctionResponse;
import dev.strangler.proxy.lambda.event.HeaderField;
import dev.strangler.proxy.lambda.event.HttpRequestSnapshot;
import dev.strangler.proxy.lambda.event.MalformedFunctionResponse;
import dev.strangler.proxy.routing.FallbackReason;
import dev.strangler.proxy.routing.Problems;
import dev.strangler.proxy.routing.RequestIds;
import dev.strangler.proxy.routing.RoutedRequest;
import dev.strangler.rules.model.RouteRule;
import dev.strangler.rules.routing.Decision;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Serves a request with a Lambda function exactly as API Gateway would: the request becomes an API
 * Gateway event, the function's answer becomes the HTTP response. Every way an invocation can fail
 * is answered as API Gateway answers it, with problem+json naming the rule.
 */
final class ApiGatewayLambdaBackend implements LambdaBackend {

  private static final Logger log = LoggerFactory.getLogger(ApiGatewayLambdaBackend.class);

  /** Lambda's synchronous payload limit; a larger body cannot become an event at all. */
  private static final int BODY_LIMIT = (int) ApiGatewayEvents.SYNCHRONOUS_PAYLOAD_LIMIT;

  /**
   * Copies of the event held while it is invoked: the proxy's, and the SDK's own, which it copies
   * the payload into before sending.
   */
  static final int EVENT_COPIES = 2;

  /**
   * A body of unknown length (chunked) is read only while the budget has this much room: below it,
   * the first chunk would likely not fit, and the request would have to be refused half read.
   */
  static final long UNDECLARED_HEADROOM = 64 * 1024;

  /** Seconds a client refused for want of memory is told to wait before trying again. */
  static final String RETRY_AFTER_SECONDS = "1";

  private final LambdaInvoker invoker;
  private final ThrottleRetries invocations;
  private final StranglerProperties.Lambda settings;
  private final Clock clock;
  private final RuleGuards guards;
  private final BodyBudget budget;
  private final BufferMeters bufferMeters;

  ApiGatewayLambdaBackend(
      LambdaInvoker invoker,
      RuleGuards guards,
      InvocationMeters meters,
      StranglerProperties.Lambda settings,
      Clock clock,
      BodyBudget budget,
      BufferMeters bufferMeters) {
    this.invoker = invoker;
    this.invocations =
        new ThrottleRetries(
            invoker,
            meters::record,
            System::nanoTime,
            () -> ThreadLocalRandom.current().nextDouble());
    this.guards = guards;
    this.settings = settings;
    this.clock = clock;
    this.budget = requireNonNull(budget, "budget");
    this.bufferMeters = requireNonNull(bufferMeters, "bufferMeters");
  }

  @Override
  public Mono<LambdaResult> serve(
      ServerWebExchange exchange, RoutedRequest routed, Decision.ToLambda decision) {
    return Mono.usingWhen(
        Mono.fromSupplier(budget::hold),
        hold -> serve(exchange, routed, decision, hold),
        hold -> Mono.fromRunnable(hold::close),
        (hold, error) -> Mono.fromRunnable(hold::close),
        hold -> Mono.fromRunnable(hold::close));
  }

  @Override
  public Mono<LambdaResult> serve(
      ServerWebExchange exchange,
      RoutedRequest routed,
      Decision.ToLambda decision,
      BodyBudget.Hold hold) {
    RouteRule rule = decision.rule();
    ServerHttpRequest request = exchange.getRequest();
    long declared = request.getHeaders().getContentLength();
    if (declared > BODY_LIMIT) {
      // Declared too large: not read at all, so the monolith gets the body as it streams in.
      return Mono.just(new LambdaResult.FallBack(FallbackReason.TOO_LARGE, null));
    }
    // The guards come first: while the breaker is open, a request costs no more than one that no
    // rule matches (its body is not even read, and streams to the monolith).
    RuleGuards.Guard guard = guards.of(rule);
    if (!guard.breaker().tryAcquirePermission()) {
      return Mono.just(new LambdaResult.FallBack(FallbackReason.CIRCUIT_OPEN, null));
    }
    if (!guard.bulkhead().tryAcquirePermission()) {
      guard.breaker().releasePermission();
      return Mono.just(new LambdaResult.FallBack(FallbackReason.CONCURRENCY_LIMIT, null));
    }
    GuardedCall call = new GuardedCall(guard);
    // Memory before reading: a body that does not fit is left unread and streams to the monolith,
    // which is safe for any method since the function never saw it.
    long eventReserve = 0;
    boolean room;
    if (declared >= 0) {
      eventReserve =
          EVENT_COPIES
              * ApiGatewayEvents.estimatedSize(
                  declared, request.getHeaders().getFirst("Content-Type"), headerBytes(request));
      room = hold.tryGrow(declared + eventReserve);
    } else {
      room = hold.tryGrow(UNDECLARED_HEADROOM);
      if (room) {
        hold.release(UNDECLARED_HEADROOM); // a probe only: chunks are reserved as they come
      }
    }
    if (!room) {
      call.end();
      return Mono.just(bufferFull(rule, null));
    }
    long reservedForEvent = eventReserve;
    return BufferedBody.read(request.getBody(), declared, BODY_LIMIT, hold)
        .flatMap(body -> invoke(exchange, routed, decision, body, call, hold, reservedForEvent))
        .onErrorResume(
            DataBufferLimitException.class,
            tooLarge ->
                answered(
                    problem(
                        exchange,
                        HttpStatus.CONTENT_TOO_LARGE,
                        "Request too large for Lambda",
                        rule,
                        "the body exceeds Lambda's 6 MB payload limit and was not declared"
                            + " with Content-Length, so it cannot be replayed")))
        .onErrorResume(
            BufferedBody.BudgetExceeded.class,
            full -> {
              // Part of the body is read and gone: the monolith cannot be given it whole.
              bufferMeters.refused(rule.id(), BufferMeters.Action.UNAVAILABLE);
              exchange.getResponse().getHeaders().set("Retry-After", RETRY_AFTER_SECONDS);
              return answered(
                  problem(
                      exchange,
                      HttpStatus.SERVICE_UNAVAILABLE,
                      "Proxy memory budget exhausted",
                      rule,
                      "the proxy holds as many request bodies as its memory allows"
                          + " (strangler.buffering.max-bytes); try again shortly"));
            })
        .doFinally(signal -> call.end());
  }

  /** The request goes to the monolith: with the body read so far, or unread ({@code null}). */
  private LambdaResult bufferFull(RouteRule rule, byte[] body) {
    bufferMeters.refused(rule.id(), BufferMeters.Action.MONOLITH);
    return new LambdaResult.FallBack(FallbackReason.BUFFER_FULL, body);
  }

  /** The bytes of the request's header names and values, which the event repeats. */
  private static long headerBytes(ServerHttpRequest request) {
    long bytes = 0;
    for (Map.Entry<String, List<String>> header : request.getHeaders().headerSet()) {
      for (String value : header.getValue()) {
        bytes += header.getKey().length() + value.length();
      }
    }
    return bytes;
  }

  private Mono<LambdaResult> invoke(
      ServerWebExchange exchange,
      RoutedRequest routed,
      Decision.ToLambda decision,
      byte[] body,
      GuardedCall call,
      BodyBudget.Hold hold,
      long reservedForEvent) {
    RouteRule rule = decision.rule();
    String requestId = routed.requestId();
    HttpRequestSnapshot snapshot =
        snapshot(exchange.getRequest(), routed, decision, body, requestId);
    EventResult event = ApiGatewayEvents.toEvent(snapshot, eventContext(decision));
    if (event instanceof EventResult.TooLarge) {
      // Base64 or escaping grew the event past the limit: the function never sees it.
      hold.release(reservedForEvent);
      return Mono.just(new LambdaResult.FallBack(FallbackReason.TOO_LARGE, body));
    }
    byte[] json = ((EventResult.Encoded) event).jsonWithoutCopy();
    long eventBytes = (long) EVENT_COPIES * json.length;
    if (eventBytes <= reservedForEvent) {
      hold.release(reservedForEvent - eventBytes);
    } else if (!hold.tryGrow(eventBytes - reservedForEvent)) {
      // The body is read, the function not called: the monolith is given the body read.
      hold.release(reservedForEvent);
      return Mono.just(bufferFull(rule, body));
    }
    return Mono.defer(
        () -> {
          call.started();
          return invocations
              .invoke(rule.lambda(), rule.fallback().throttleRetry(), json)
              // The event's copies are garbage once the call is over; the body stays held
              // until the request ends, since the monolith may still be given it.
              .doOnNext(outcome -> hold.release(eventBytes))
              .flatMap(outcome -> respond(exchange, rule, requestId, outcome, body, call));
        });
  }

  /**
   * One call through a rule's guards: it holds a bulkhead place and a breaker permission, and gives
   * both back exactly once however the call ends (answered, failed, or cancelled by the client
   * going away); the breaker hears how the call went only when the function was invoked.
   */
  private static final class GuardedCall {
    private final RuleGuards.Guard guard;
    private final AtomicBoolean judged = new AtomicBoolean();
    private volatile long start = System.nanoTime();

    GuardedCall(RuleGuards.Guard guard) {
      this.guard = guard;
    }

    void started() {
      start = System.nanoTime();
    }

    /** Tells the breaker how the call went; a request too large is not the function's fault. */
    void record(FallbackReason failure) {
      if (!judged.compareAndSet(false, true)) {
        return;
      }
      long elapsed = System.nanoTime() - start;
      if (failure == null) {
        guard.breaker().onSuccess(elapsed, TimeUnit.NANOSECONDS);
      } else if (failure == FallbackReason.TOO_LARGE) {
        guard.breaker().releasePermission();
      } else {
        guard.breaker().onError(elapsed, TimeUnit.NANOSECONDS, new FunctionFailed(failure));
      }
    }

    void end() {
      guard.bulkhead().onComplete();
      if (judged.compareAndSet(false, true)) {
        guard.breaker().releasePermission();
      }
    }
  }

  /** What the breaker counts as a failed call. */
  static final class FunctionFailed extends RuntimeException {
    FunctionFailed(FallbackReason reason) {
      super(reason.tag(), null, false, false);
    }
  }

  private Mono<LambdaResult> respond(
      ServerWebExchange exchange,
      RouteRule rule,
      String requestId,
      InvocationOutcome outcome,
      byte[] body,
      GuardedCall call) {
    FallbackReason reason = FallbackPolicy.reasonFor(outcome);
    if (outcome instanceof InvocationOutcome.Success success) {
      FunctionResponse response =
          ApiGatewayResponses.toHttp(success.payload(), rule.lambda().payloadFormat());
      if (response instanceof FunctionHttpResponse answer) {
        boolean failed = rule.fallback().onStatus().contains(answer.status());
        call.record(failed ? FallbackReason.STATUS : null);
        if (failed
            && FallbackPolicy.mayReplay(FallbackReason.STATUS, exchange.getRequest(), rule)) {
          return Mono.just(new LambdaResult.FallBack(FallbackReason.STATUS, body));
        }
        return answered(write(exchange, answer));
      }
      log.warn(
          "Function {} (rule '{}', request {}) returned a malformed response: {}",
          rule.lambda().function(),
          rule.id(),
          requestId,
          ((MalformedFunctionResponse) response).reason());
      reason = FallbackReason.MALFORMED;
    }
    call.record(reason);
    if (FallbackPolicy.mayReplay(reason, exchange.getRequest(), rule)) {
      return Mono.just(new LambdaResult.FallBack(reason, body));
    }
    return answered(problemFor(exchange, rule, requestId, outcome));
  }

  private static Mono<LambdaResult> answered(Mono<Void> written) {
    return written.thenReturn(new LambdaResult.Answered());
  }

  /**
   * The answer when the monolith may not serve the request instead, as API Gateway answers: only
   * outcomes where the function may have run get here (the others are always replayed).
   */
  private Mono<Void> problemFor(
      ServerWebExchange exchange, RouteRule rule, String requestId, InvocationOutcome outcome) {
    String function = rule.lambda().function();
    if (outcome instanceof InvocationOutcome.Success) {
      return problem(
          exchange,
          HttpStatus.BAD_GATEWAY,
          "Malformed Lambda response",
          rule,
          "the function's answer is not a valid API Gateway response");
    }
    if (outcome instanceof InvocationOutcome.FunctionError error) {
      log.warn(
          "Function {} (rule '{}', request {}) failed: {} {}: {}",
          function,
          rule.id(),
          requestId,
          error.kind(),
          error.errorType(),
          error.errorMessage());
      String type = error.errorType() == null ? "" : ": " + error.errorType();
      return problem(
          exchange,
          HttpStatus.BAD_GATEWAY,
          "Lambda function failed",
          rule,
          "the function failed (" + error.kind() + type + ")");
    }
    if (outcome instanceof InvocationOutcome.TimedOut) {
      log.warn(
          "Function {} (rule '{}', request {}) did not answer within {}",
          function,
          rule.id(),
          requestId,
          rule.lambda().timeout());
      return problem(
          exchange,
          HttpStatus.GATEWAY_TIMEOUT,
          "Lambda function timed out",
          rule,
          "the function did not answer within " + rule.lambda().timeout().toMillis() + " ms");
    }
    if (outcome instanceof InvocationOutcome.ServiceError error) {
      log.warn(
          "Lambda refused function {} (rule '{}', request {}): {} {} {}",
          function,
          rule.id(),
          requestId,
          error.status(),
          error.errorCode(),
          error.message());
      String code = error.errorCode() == null ? "" : " " + error.errorCode();
      return problem(
          exchange,
          HttpStatus.BAD_GATEWAY,
          "Lambda service error",
          rule,
          "Lambda answered " + error.status() + code);
    }
    InvocationOutcome.Unreachable unreachable = (InvocationOutcome.Unreachable) outcome;
    log.warn(
        "Lambda unreachable for function {} (rule '{}', request {}): {}",
        function,
        rule.id(),
        requestId,
        unreachable.reason());
    return problem(
        exchange,
        HttpStatus.BAD_GATEWAY,
        "Lambda unreachable",
        rule,
        "the Lambda endpoint could not be reached");
  }

  private static Mono<Void> write(ServerWebExchange exchange, FunctionHttpResponse answer) {
    ServerHttpResponse response = exchange.getResponse();
    response.setRawStatusCode(answer.status());
    for (HeaderField header : answer.headers()) {
      response.getHeaders().add(header.name(), header.value());
    }
    response.getHeaders().setContentLength(answer.bodyBuffer().remaining());
    return response.writeWith(Mono.just(response.bufferFactory().wrap(answer.bodyBuffer())));
  }

  private HttpRequestSnapshot snapshot(
      ServerHttpRequest request,
      RoutedRequest routed,
      Decision.ToLambda decision,
      byte[] body,
      String requestId) {
    List<HeaderField> headers = new ArrayList<>();
    // As the gateway's hop-by-hop filter does for the monolith: the connection's own fields stay.
    HopByHopFields hopByHop = HopByHopFields.of(request.getHeaders().get(HttpHeaders.CONNECTION));
    request
        .getHeaders()
        .forEach(
            (name, values) -> {
              if (!isForwardingHeader(name) && !hopByHop.drops(name)) {
                values.forEach(value -> headers.add(new HeaderField(name, value)));
              }
            });
    // As API Gateway does: the function learns who the client is and how it connected.
    headers.add(new HeaderField("X-Forwarded-For", routed.forwarding().forwardedFor()));
    headers.add(new HeaderField("X-Forwarded-Proto", routed.forwarding().proto()));
    headers.add(new HeaderField("X-Forwarded-Port", routed.forwarding().port()));
    if (request.getHeaders().getFirst(RequestIds.HEADER) == null) {
      headers.add(new HeaderField(RequestIds.HEADER, requestId));
    }
    return HttpRequestSnapshot.owningBody(
        request.getMethod().name(),
        decision.forwardPath(),
        request.getURI().getRawQuery(),
        headers,
        body,
        routed.forwarding().clientIp(),
        "HTTP/1.1",
        requestId,
        clock.instant());
  }

  private EventContext eventContext(Decision.ToLambda decision) {
    String pattern = decision.pattern();
    Map<String, String> parameters = decision.pathParameters();
    if (pattern.endsWith("/**")) {
      // API Gateway names a greedy tail {proxy+} and passes what it matched as 'proxy'.
      pattern = pattern.substring(0, pattern.length() - 3) + "/{proxy+}";
      parameters = new java.util.HashMap<>(parameters);
      parameters.put("proxy", greedyTail(decision.forwardPath(), decision.pattern()));
    }
    return EventContext.of(pattern, parameters, decision.rule().lambda().payloadFormat())
        .withSettings(EventContext.DEFAULT_STAGE, settings.accountId(), settings.apiId());
  }

  /** The part of the path that a trailing {@code /**} matched, without the leading slash. */
  static String greedyTail(String path, String pattern) {
    int fixedSegments = pattern.substring(0, pattern.length() - 3).split("/", -1).length - 1;
    String[] segments = path.split("/", -1);
    if (segments.length <= fixedSegments + 1) {
      return "";
    }
    return String.join(
        "/", java.util.Arrays.copyOfRange(segments, fixedSegments + 1, segments.length));
  }

  private static boolean isForwardingHeader(String name) {
    return name.regionMatches(true, 0, "X-Forwarded-", 0, 12) || name.equalsIgnoreCase("Forwarded");
  }

  private static Mono<Void> problem(
      ServerWebExchange exchange, HttpStatus status, String title, RouteRule rule, String detail) {
    return Problems.write(
        exchange,
        status,
        title,
        "rule '" + rule.id() + "', function '" + rule.lambda().function() + "': " + detail);
  }

  @Override
  public String toString() {
    return "ApiGatewayLambdaBackend[" + invoker + "]";
  }
}
