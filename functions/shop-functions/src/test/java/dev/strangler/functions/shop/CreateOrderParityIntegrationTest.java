package dev.strangler.functions.shop;

import static dev.strangler.functions.shop.support.Exchange.postJson;
import static dev.strangler.functions.shop.support.Exchange.request;

import dev.strangler.functions.shop.support.Exchange;
import dev.strangler.functions.shop.support.Parity;
import dev.strangler.functions.shop.support.ShopDatabase;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code shop-create-order} answers every one of these requests byte for byte as the monolith. Both
 * start from the seed data and see the same requests in the same order, so new orders get the same
 * ids on both sides. No other test writes orders to the shared monolith; other tests add users to
 * it, so these requests name only the seed users (1 and 2) or ids no side has.
 */
class CreateOrderParityIntegrationTest {

  private static ShopDatabase database;
  private static CreateOrderHandler handler;

  @BeforeAll
  static void start() {
    Parity.startMonolith();
    database = ShopDatabase.migrated();
    handler = new CreateOrderHandler(database);
  }

  @AfterAll
  static void closeDatabase() throws SQLException {
    database.close();
  }

  private static Exchange order(String json) {
    return postJson("/api/orders", json);
  }

  private static Exchange post(String contentType, String body) {
    return request("POST", "/api/orders").header("Content-Type", contentType).text(body);
  }

  /** An order for user 1 with {@code count} copies of one item. */
  private static Exchange repeated(int count, String item) {
    return order(
        "{\"userId\":1,\"items\":[" + String.join(",", Collections.nCopies(count, item)) + "]}");
  }

  static Stream<Exchange> requestsInOrder() {
    String valid = "{\"userId\":1,\"items\":[{\"productId\":4,\"quantity\":3}]}";
    String twoLines =
        "{\"userId\":1,\"items\":[{\"productId\":1,\"quantity\":2},"
            + "{\"productId\":9,\"quantity\":1}]}";
    return Stream.of(
        order(twoLines),
        order(twoLines),
        order(
            "{\"userId\":2,\"items\":[{\"productId\":30,\"quantity\":7},"
                + "{\"productId\":3,\"quantity\":1},{\"productId\":30,\"quantity\":1000}]}"),
        order("{\"userId\":\"1\",\"items\":[{\"productId\":\"2\",\"quantity\":\"3\"}]}"),
        order("{\"userId\":1.9,\"items\":[{\"productId\":2,\"quantity\":1.5}]}"),
        order(
            "{\"items\":[{\"quantity\":1,\"productId\":7,\"note\":\"x\"}],"
                + "\"userId\":2,\"extra\":[1]}"),
        order("  {\"userId\":1,\"items\":[{\"productId\":15,\"quantity\":1}]}  "),
        repeated(50, "{\"productId\":30,\"quantity\":1000}"),
        repeated(51, "{\"productId\":30,\"quantity\":1}"),
        order(
            "{\"userId\":-1,\"items\":["
                + String.join(",", Collections.nCopies(51, "null"))
                + "]}"),
        repeated(12, "{\"productId\":0,\"quantity\":0}"),
        order("{\"userId\":1,\"items\":[{\"productId\":1,\"quantity\":0}]}"),
        order("{\"userId\":1,\"items\":[{\"productId\":1,\"quantity\":1001}]}"),
        order("{\"userId\":1,\"items\":[{\"productId\":1,\"quantity\":-1}]}"),
        order("{\"userId\":1,\"items\":[{\"productId\":-2,\"quantity\":1}]}"),
        order("{\"userId\":0,\"items\":[null,{},{\"productId\":5555,\"quantity\":1}]}"),
        order("{\"userId\":1,\"items\":[]}"),
        order("{\"userId\":1,\"items\":null}"),
        order("{\"userId\":1}"),
        order("{}"),
        order("{\"userId\":\"\",\"items\":[{\"productId\":1,\"quantity\":1}]}"),
        order("{\"userId\":1,\"items\":[{\"productId\":5555,\"quantity\":1}]}"),
        order(
            "{\"userId\":1,\"items\":[{\"productId\":99,\"quantity\":1},"
                + "{\"productId\":1,\"quantity\":1},{\"productId\":98,\"quantity\":1},"
                + "{\"productId\":99,\"quantity\":2}]}"),
        order("{\"userId\":424242,\"items\":[{\"productId\":1,\"quantity\":1}]}"),
        order("{\"userId\":424242,\"items\":[{\"productId\":5555,\"quantity\":1}]}"),
        order("{\"userId\":1,\"items\":[{\"productId\":5555,\"quantity\":0}]}"),
        order(""),
        order("null"),
        order("[]"),
        order("{\"userId\":1,\"items\":"),
        order("{\"userId\":1,\"items\":{\"productId\":1,\"quantity\":1}}"),
        order("{\"userId\":1,\"items\":\"x\"}"),
        order("{\"userId\":1,\"items\":[1]}"),
        order("{\"userId\":1,\"items\":[{\"productId\":1,\"quantity\":3000000000}]}"),
        order("{\"userId\":99999999999999999999,\"items\":[{\"productId\":1,\"quantity\":1}]}"),
        order("{\"userId\":true,\"items\":[{\"productId\":1,\"quantity\":1}]}"),
        order("{\"userId\":\"one\",\"items\":[{\"productId\":1,\"quantity\":1}]}"),
        order(valid + " {}"),
        postJson("/api/orders?x=%zz", valid),
        post("text/plain", valid),
        post("application/json; charset=ISO-8859-1", valid),
        post("application/merge-patch+json", valid),
        post("*/*", valid),
        post("garbage", valid),
        request("POST", "/api/orders").text(valid),
        request("POST", "/api/orders"),
        request("POST", "/api/orders")
            .header("Content-Type", "application/json; charset=UTF-16")
            .bytes(valid.getBytes(StandardCharsets.UTF_16)),
        request("GET", "/api/orders"),
        request("PUT", "/api/orders").header("Content-Type", "application/json").text(valid),
        request("DELETE", "/api/orders"),
        request("HEAD", "/api/orders"),
        request("OPTIONS", "/api/orders"),
        order(valid));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("requestsInOrder")
  void answersAsTheMonolith(Exchange exchange) {
    Parity.assertSameAnswer(
        exchange, exchange.toEvent(Map.of()), handler::handleRequest, "shop-create-order");
  }
}
