package dev.strangler.proxy.lambda.event;

import static java.util.Objects.requireNonNull;

import dev.strangler.rules.model.PayloadFormat;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the route and the settings add to a request to make an event.
 *
 * @param routePattern the path pattern that matched, e.g. {@code /api/products/{id}}; {@code null}
 *     for none, which API Gateway calls the {@code $default} route
 * @param pathParameters the pattern's variables, decoded; empty for none
 * @param format which event format the function expects
 * @param stage the stage name; {@code $default} puts no stage prefix on paths
 * @param accountId the account id to report
 * @param apiId the API id to report
 */
public record EventContext(
    String routePattern,
    Map<String, String> pathParameters,
    PayloadFormat format,
    String stage,
    String accountId,
    String apiId) {

  /** API Gateway's name for the stage that serves paths without a stage prefix. */
  public static final String DEFAULT_STAGE = "$default";

  /** A placeholder account id: twelve digits, like a real one. */
  public static final String DEFAULT_ACCOUNT_ID = "000000000000";

  public static final String DEFAULT_API_ID = "strangler";

  public EventContext {
    pathParameters =
        pathParameters == null || pathParameters.isEmpty()
            ? Map.of()
            : Collections.unmodifiableMap(new LinkedHashMap<>(pathParameters));
    pathParameters.forEach(
        (name, value) -> {
          requireNonNull(name, "pathParameters name");
          requireNonNull(value, "pathParameters value");
        });
    requireNonNull(format, "format");
    requireText(stage, "stage");
    requireText(accountId, "accountId");
    requireText(apiId, "apiId");
  }

  /** A context with the default stage, account id and API id. */
  public static EventContext of(
      String routePattern, Map<String, String> pathParameters, PayloadFormat format) {
    return new EventContext(
        routePattern, pathParameters, format, DEFAULT_STAGE, DEFAULT_ACCOUNT_ID, DEFAULT_API_ID);
  }

  /** This context with other settings. */
  public EventContext withSettings(String stage, String accountId, String apiId) {
    return new EventContext(routePattern, pathParameters, format, stage, accountId, apiId);
  }

  private static void requireText(String value, String name) {
    requireNonNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }
}
