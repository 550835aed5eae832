package dev.strangler.functions.shop.http;

import java.util.List;
import java.util.Optional;

/**
 * Binds request parameters and path variables as Spring MVC binds {@code @RequestParam} and
 * {@code @PathVariable} in the monolith, quirks included, so that the same request gets the same
 * answer: numbers lose all whitespace, may be hexadecimal ({@code 0x10}, {@code #10}); an empty
 * value means the default; of repeated values a number takes the first and text joins them with
 * commas; a failure quotes the value, which for repeated values is the array itself.
 */
public final class RequestParameters {

  private RequestParameters() {}

  /**
   * @throws ApiProblem 400 "Failed to convert" when the value is not an {@code int}
   */
  public static int intParameter(QueryString query, String name, int defaultValue) {
    List<String> values = query.values(name);
    if (values.isEmpty() || (values.size() == 1 && values.get(0).isEmpty())) {
      return defaultValue;
    }
    // Spring converts only the first of several values, but reports the whole String[] on failure.
    Object reported = values.size() == 1 ? values.get(0) : values.toArray(String[]::new);
    try {
      String first = values.get(0);
      if (first.isEmpty()) {
        throw new NumberFormatException("an empty value cannot become a primitive int");
      }
      String digits = withoutWhitespace(first);
      return isHexadecimal(digits) ? Integer.decode(digits) : Integer.valueOf(digits);
    } catch (NumberFormatException e) {
      throw ApiProblem.conversionFailed(name, reported);
    }
  }

  /** A text parameter; repeated values are joined with {@code ,}. Empty when absent. */
  public static Optional<String> stringParameter(QueryString query, String name) {
    List<String> values = query.values(name);
    return values.isEmpty() ? Optional.empty() : Optional.of(String.join(",", values));
  }

  /**
   * @param value the decoded path segment
   * @throws ApiProblem 400 "Failed to convert" when the value is not a {@code long}
   */
  public static long longPathVariable(String name, String value) {
    try {
      String digits = withoutWhitespace(value);
      return isHexadecimal(digits) ? Long.decode(digits) : Long.valueOf(digits);
    } catch (NumberFormatException e) {
      throw ApiProblem.conversionFailed(name, value);
    }
  }

  private static String withoutWhitespace(String text) {
    StringBuilder kept = new StringBuilder(text.length());
    text.chars().filter(c -> !Character.isWhitespace(c)).forEach(c -> kept.append((char) c));
    return kept.toString();
  }

  private static boolean isHexadecimal(String digits) {
    int start = digits.startsWith("-") ? 1 : 0;
    return digits.startsWith("0x", start)
        || digits.startsWith("0X", start)
        || digits.startsWith("#", start);
  }
}
