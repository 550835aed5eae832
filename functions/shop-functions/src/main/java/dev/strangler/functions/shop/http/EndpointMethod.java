package dev.strangler.functions.shop.http;

import java.util.Map;
import java.util.function.Function;

/**
 * The HTTP method an endpoint is mapped to, answered around it as Spring MVC does in the monolith:
 * OPTIONS lists the allowed methods, HEAD of a GET endpoint gets GET's headers without the body,
 * any other method is a 405 problem naming the allowed one (without a body for HEAD).
 */
public enum EndpointMethod {
  GET("GET", "GET,HEAD,OPTIONS"),
  POST("POST", "POST,OPTIONS");

  private final String name;
  private final String allowedForOptions;

  EndpointMethod(String name, String allowedForOptions) {
    this.name = name;
    this.allowedForOptions = allowedForOptions;
  }

  /** The method's name, for events that do not carry one. */
  public String method() {
    return name;
  }

  /**
   * Runs the endpoint when the method fits, and renders any {@link ApiProblem} it throws. Other
   * exceptions propagate: Lambda reports them as a function error, on which the proxy can fall back
   * to the monolith.
   */
  public ApiResponse serve(ApiRequest request, Function<ApiRequest, ApiResponse> endpoint) {
    String method = request.method();
    if (method.equals("OPTIONS")) {
      return ApiResponse.empty(200, Map.of("Allow", allowedForOptions, "Accept-Patch", ""));
    }
    boolean head = method.equals("HEAD");
    ApiResponse response;
    try {
      if (!method.equals(name) && !(head && this == GET)) {
        throw ApiProblem.methodNotAllowed(method, name);
      }
      response = endpoint.apply(request);
    } catch (ApiProblem problem) {
      response = ApiResponse.problem(problem, request.path());
    }
    return head ? response.withoutBody() : response;
  }
}
