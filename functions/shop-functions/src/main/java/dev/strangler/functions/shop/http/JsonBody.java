package dev.strangler.functions.shop.http;

import dev.strangler.functions.shop.http.ApiProblem.FieldProblem;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tools.jackson.core.JacksonException;

/**
 * Reads a JSON request body the way Spring MVC's {@code @RequestBody} does in the monolith, down to
 * which mistake gets which answer: an unusable Content-Type is a 415 (quoting the type with the
 * request encoding added, as Spring prints it), a missing or malformed body a 400 "Failed to read
 * request".
 */
public final class JsonBody {

  /** What Spring's Jackson converter reads, in the order its 415 answers list them. */
  public static final String READABLE_TYPES = "application/json, application/*+json";

  // Spring hands these to Jackson as bytes (Jackson detects the encoding); others go through a
  // Reader of the declared charset.
  private static final Set<String> BYTE_ENCODINGS =
      Set.of(
          "UTF-8", "UTF-16BE", "UTF-16LE", "UTF-32BE", "UTF-32LE", "US-ASCII", "UTF-16", "UTF-32");

  private JsonBody() {}

  /**
   * @throws ApiProblem 415 for a Content-Type that is not JSON, 400 for a body that does not read
   *     as {@code type}
   */
  public static <T> T read(ApiRequest request, Class<T> type) {
    byte[] body = request.body();
    Optional<String> header = request.header("Content-Type").filter(value -> !value.isEmpty());
    if (header.isEmpty()) {
      if (body.length == 0) {
        throw ApiProblem.unreadableBody();
      }
      throw ApiProblem.unsupportedMediaType("application/octet-stream", READABLE_TYPES);
    }
    ContentType contentType = withRequestEncoding(header.get());
    if (!isJson(contentType)) {
      throw ApiProblem.unsupportedMediaType(contentType.toString(), READABLE_TYPES);
    }
    if (body.length == 0) {
      throw ApiProblem.unreadableBody();
    }
    Charset charset = contentType.charset().orElseThrow();
    try {
      T value =
          BYTE_ENCODINGS.contains(charset.name())
              ? Json.MAPPER.readValue(body, type)
              : Json.MAPPER.readValue(new String(body, charset), type);
      if (value == null) {
        throw ApiProblem.unreadableBody();
      }
      return value;
    } catch (JacksonException e) {
      throw ApiProblem.unreadableBody();
    }
  }

  /**
   * {@link #read} and then the bean validation that {@code @Valid} adds in the monolith.
   *
   * @throws ApiProblem as {@link #read}, or 400 "Validation failed" listing every invalid field
   */
  public static <T> T readValid(ApiRequest request, Class<T> type) {
    T value = read(request, type);
    List<FieldProblem> problems = RequestBodyValidator.problems(value);
    if (!problems.isEmpty()) {
      throw ApiProblem.validationFailed(problems);
    }
    return value;
  }

  private static ContentType withRequestEncoding(String header) {
    ContentType contentType;
    try {
      contentType = ContentType.parse(header);
    } catch (IllegalArgumentException e) {
      throw ApiProblem.unparsableContentType(READABLE_TYPES);
    }
    if (contentType.charset().isPresent()) {
      return contentType;
    }
    if (contentType.isWildcard()) {
      // Spring refuses to put the request encoding into a wildcard type and the monolith answers
      // with a bare 500; so does this function, or callers could tell the two apart.
      throw ApiProblem.internalServerError();
    }
    return contentType.withCharset("UTF-8");
  }

  /** Whether {@code application/json} or {@code application/*+json} includes the type. */
  private static boolean isJson(ContentType contentType) {
    if (!contentType.type().equals("application")) {
      return false;
    }
    String subtype = contentType.subtype();
    int plus = subtype.lastIndexOf('+');
    return subtype.equals("json") || (plus >= 0 && subtype.substring(plus + 1).equals("json"));
  }
}
