package dev.strangler.functions.runtime.http;

import com.sun.net.httpserver.HttpExchange;
import dev.strangler.functions.runtime.invoke.InvokeRequest;
import dev.strangler.functions.runtime.invoke.InvokeResult;
import dev.strangler.functions.runtime.invoke.LambdaService;
import dev.strangler.functions.runtime.invoke.Limits;
import java.io.IOException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code POST /2015-03-31/functions/{FunctionName}/invocations}: Lambda's Invoke operation on the
 * wire, as the AWS SDK sends and parses it. The SDK's SigV4 signature is accepted without being
 * checked, and so is an unsigned request.
 */
final class InvokeApiHandler {

  static final Pattern INVOKE_PATH = Pattern.compile("/2015-03-31/functions/([^/]+)/invocations");

  private final LambdaService service;

  InvokeApiHandler(LambdaService service) {
    this.service = Objects.requireNonNull(service, "service");
  }

  void handle(HttpExchange exchange, Matcher path) throws IOException {
    Exchanges.Body body = Exchanges.readBody(exchange, Limits.SYNC_PAYLOAD_BYTES + 1);
    InvokeRequest request =
        new InvokeRequest(
            Exchanges.decode(path.group(1)),
            Exchanges.queryParameters(exchange).get("Qualifier"),
            exchange.getRequestHeaders().getFirst("X-Amz-Invocation-Type"),
            exchange.getRequestHeaders().getFirst("X-Amz-Log-Type"),
            body.bytes(),
            body.size());
    answer(exchange, service.invoke(request));
  }

  private static void answer(HttpExchange exchange, InvokeResult result) throws IOException {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("x-amzn-RequestId", result.requestId());
    if (result instanceof InvokeResult.Completed completed) {
      headers.put("Content-Type", "application/json");
      headers.put("X-Amz-Executed-Version", completed.executedVersion());
      completed.functionError().ifPresent(error -> headers.put("X-Amz-Function-Error", error));
      completed
          .logTail()
          .ifPresent(
              tail -> headers.put("X-Amz-Log-Result", Base64.getEncoder().encodeToString(tail)));
      Exchanges.send(exchange, 200, headers, completed.payload());
    } else if (result instanceof InvokeResult.Accepted) {
      Exchanges.send(exchange, 202, headers, null);
    } else if (result instanceof InvokeResult.DryRunPassed) {
      Exchanges.send(exchange, 204, headers, null);
    } else {
      InvokeResult.Rejected rejected = (InvokeResult.Rejected) result;
      headers.put("Content-Type", "application/json");
      headers.put("x-amzn-ErrorType", rejected.errorType());
      Exchanges.send(exchange, rejected.status(), headers, rejected.body());
    }
  }
}
