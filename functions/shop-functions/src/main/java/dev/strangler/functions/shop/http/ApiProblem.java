package dev.strangler.functions.shop.http;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An error answered as {@code application/problem+json}, with the status, title and detail the
 * monolith's Spring MVC gives the same mistake. Thrown by the endpoint code and rendered by {@link
 * EndpointMethod#serve}, which adds the request path as {@code instance}.
 */
public final class ApiProblem extends RuntimeException {

  private final int status;
  private final String title;
  private final String detail;
  private final List<FieldProblem> errors;
  private final Map<String, String> headers;

  private ApiProblem(
      int status,
      String title,
      String detail,
      List<FieldProblem> errors,
      Map<String, String> headers) {
    super(status + " " + title + (detail == null ? "" : ": " + detail), null, false, false);
    this.status = status;
    this.title = Objects.requireNonNull(title, "title");
    this.detail = detail;
    this.errors = errors == null ? null : List.copyOf(errors);
    this.headers = Map.copyOf(headers);
  }

  /** One rejected field of a request body. */
  public record FieldProblem(String field, String message) {}

  public static ApiProblem badRequest(String detail) {
    return new ApiProblem(400, "Bad Request", detail, null, Map.of());
  }

  /** Tomcat's answer to a query string it cannot decode: no detail at all. */
  public static ApiProblem malformedQuery() {
    return new ApiProblem(400, "Bad Request", null, null, Map.of());
  }

  /** What Spring MVC says when a request parameter or path variable does not convert. */
  public static ApiProblem conversionFailed(String name, Object value) {
    return badRequest("Failed to convert '" + name + "' with value: '" + value + "'");
  }

  /** Spring MVC's answer to a body that is missing or is not valid JSON for the type. */
  public static ApiProblem unreadableBody() {
    return badRequest("Failed to read request");
  }

  public static ApiProblem validationFailed(List<FieldProblem> errors) {
    return new ApiProblem(
        400,
        "Validation failed",
        "The request body has " + errors.size() + " invalid field(s).",
        errors,
        Map.of());
  }

  public static ApiProblem notFound(String title, String detail) {
    return new ApiProblem(404, title, detail, null, Map.of());
  }

  /** Spring MVC's answer to a path that no endpoint maps. */
  public static ApiProblem noEndpoint(String method, String path) {
    return notFound("Not Found", "No endpoint " + method + " " + path + ".");
  }

  public static ApiProblem methodNotAllowed(String method, String allow) {
    return new ApiProblem(
        405,
        "Method Not Allowed",
        "Method '" + method + "' is not supported.",
        null,
        Map.of("Allow", allow));
  }

  public static ApiProblem conflict(String title, String detail) {
    return new ApiProblem(409, title, detail, null, Map.of());
  }

  /** A well-formed request that names something that does not exist, such as a product. */
  public static ApiProblem unprocessable(String title, String detail) {
    return new ApiProblem(422, title, detail, null, Map.of());
  }

  /**
   * @param contentType the request's Content-Type as Spring prints it ({@code null} when absent)
   * @param accept the media types the endpoint reads, sent back in an {@code Accept} header
   */
  public static ApiProblem unsupportedMediaType(String contentType, String accept) {
    return new ApiProblem(
        415,
        "Unsupported Media Type",
        "Content-Type '" + contentType + "' is not supported.",
        null,
        Map.of("Accept", accept));
  }

  public static ApiProblem unparsableContentType(String accept) {
    return new ApiProblem(
        415,
        "Unsupported Media Type",
        "Could not parse Content-Type.",
        null,
        Map.of("Accept", accept));
  }

  /** The monolith's error page for an exception nothing handled: no detail. */
  public static ApiProblem internalServerError() {
    return new ApiProblem(500, "Internal Server Error", null, null, Map.of());
  }

  public int status() {
    return status;
  }

  /** The JSON body; {@code instance} is the path of the request that failed. */
  public ProblemBody body(String instance) {
    return new ProblemBody(detail, instance, status, title, errors);
  }

  /** Headers the answer carries besides Content-Type, such as {@code Allow}. */
  public Map<String, String> headers() {
    return headers;
  }
}
