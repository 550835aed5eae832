package dev.strangler.proxy.admin;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * {@code /actuator/explain?method=GET&path=/api/products/7&header=X-User-Id:alice}: how the proxy
 * would route that request and why, without sending it. {@code header} may be repeated; {@code
 * clientIp} stands for the client's address. The path is a query value, so it is URL-encoded once
 * more: {@code /api/a%2Fb} is asked as {@code path=/api/a%252Fb}.
 *
 * <p>{@code POST /actuator/explain} with {@code {"requests":[...]}} asks about many requests in one
 * call, answered by {@link ExplainBatchRoute}: the actuator reads a body only as a map of strings.
 */
@Endpoint(id = "explain")
public final class ExplainEndpoint {

  private final Explainer explainer;

  ExplainEndpoint(Explainer explainer) {
    this.explainer = explainer;
  }

  @ReadOperation
  public Explanation explain(
      String method, String path, @Nullable HeaderLines header, @Nullable String clientIp) {
    return explainer.explain(method, path, header == null ? HeaderLines.NONE : header, clientIp);
  }
}
