package dev.strangler.functions.shop;

import static dev.strangler.functions.shop.support.Responses.header;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.strangler.functions.shop.db.LazyConnection;
import dev.strangler.functions.shop.http.Json;
import dev.strangler.functions.shop.support.Events;
import dev.strangler.functions.shop.support.Exchange;
import dev.strangler.functions.shop.support.MonolithProcess;
import dev.strangler.functions.shop.support.RawHttp;
import dev.strangler.functions.shop.support.TestContext;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code shop-create-order} and the monolith on one database, as in the demo: the monolith serves
 * its in-memory database over TCP and the function reaches it as it does in production, through
 * {@link LazyConnection}. What either side writes, the other counts and reads.
 */
class CreateOrderSharedDatabaseIntegrationTest {

  private static final String VALID =
      "{\"userId\":2,\"items\":[{\"productId\":5,\"quantity\":1},"
          + "{\"productId\":7,\"quantity\":4}]}";

  private static MonolithProcess monolith;
  private static LazyConnection database;
  private static CreateOrderHandler handler;

  @BeforeAll
  static void start() {
    monolith = MonolithProcess.startSharingItsDatabase();
    database = LazyConnection.to(monolith.sharedDatabase());
    handler = new CreateOrderHandler(database);
  }

  @AfterAll
  static void stop() throws SQLException {
    try {
      database.connection().close();
    } finally {
      monolith.close();
    }
  }

  private static APIGatewayV2HTTPResponse placeWithFunction(String json) {
    return handler.handleRequest(
        Events.request("POST", "/api/orders")
            .header("Content-Type", "application/json")
            .textBody(json)
            .build(),
        new TestContext("shop-create-order"));
  }

  private static RawHttp.Response onMonolith(Exchange exchange) {
    return exchange.sendTo(monolith.port());
  }

  private static long countOnMonolith() {
    RawHttp.Response response = onMonolith(Exchange.get("/api/orders/count"));
    assertThat(response.status()).isEqualTo(200);
    return Json.MAPPER.readTree(response.body()).get("count").asLong();
  }

  private static long idOf(String orderJson) {
    return Json.MAPPER.readTree(orderJson).get("id").asLong();
  }

  @Test
  void monolithCountsAndServesAnOrderTheFunctionPlaced() {
    long before = countOnMonolith();

    APIGatewayV2HTTPResponse placed = placeWithFunction(VALID);

    assertThat(placed.getStatusCode()).as(placed.getBody()).isEqualTo(201);
    assertThat(countOnMonolith()).isEqualTo(before + 1);
    String location = header(placed, "Location");
    assertThat(location).isEqualTo("/api/orders/" + idOf(placed.getBody()));
    RawHttp.Response fetched = onMonolith(Exchange.get(location));
    assertThat(fetched.status()).isEqualTo(200);
    assertThat(new String(fetched.body(), StandardCharsets.UTF_8)).isEqualTo(placed.getBody());
  }

  @Test
  void rejectedOrdersLeaveTheCountAsItWas() {
    long before = countOnMonolith();

    APIGatewayV2HTTPResponse unknownProduct =
        placeWithFunction("{\"userId\":1,\"items\":[{\"productId\":5555,\"quantity\":1}]}");
    APIGatewayV2HTTPResponse invalidQuantity =
        placeWithFunction("{\"userId\":1,\"items\":[{\"productId\":1,\"quantity\":0}]}");

    assertThat(unknownProduct.getStatusCode()).isEqualTo(422);
    assertThat(invalidQuantity.getStatusCode()).isEqualTo(400);
    assertThat(countOnMonolith()).isEqualTo(before);
  }

  @Test
  void bothSidesNumberOrdersFromOneSequence() {
    long before = countOnMonolith();

    RawHttp.Response first = onMonolith(Exchange.postJson("/api/orders", VALID));
    APIGatewayV2HTTPResponse second = placeWithFunction(VALID);
    RawHttp.Response third = onMonolith(Exchange.postJson("/api/orders", VALID));

    assertThat(first.status()).isEqualTo(201);
    long firstId = idOf(new String(first.body(), StandardCharsets.UTF_8));
    assertThat(idOf(second.getBody())).isEqualTo(firstId + 1);
    assertThat(third.header("Location")).isEqualTo("/api/orders/" + (firstId + 2));
    assertThat(countOnMonolith()).isEqualTo(before + 3);
    // Same user, same items, same prices: only the id tells the function's order apart.
    assertThat(second.getBody().replace("\"id\":" + (firstId + 1), "\"id\":" + firstId))
        .isEqualTo(new String(first.body(), StandardCharsets.UTF_8));
  }
}
