package dev.strangler.functions.shop;

import static dev.strangler.functions.shop.support.Responses.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.strangler.functions.shop.db.DatabaseException;
import dev.strangler.functions.shop.order.CreateOrderRequest;
import dev.strangler.functions.shop.order.CreateOrderRequest.Item;
import dev.strangler.functions.shop.order.OrderPlacement;
import dev.strangler.functions.shop.support.Events;
import dev.strangler.functions.shop.support.ShopDatabase;
import dev.strangler.functions.shop.support.TestContext;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CreateOrderHandlerTest {

  // Seed data: product 1 costs 24.90, product 9 costs 39.99; users 1 and 2 exist.
  private static final String TWO_LINES =
      "{\"userId\":1,\"items\":[{\"productId\":1,\"quantity\":2},"
          + "{\"productId\":9,\"quantity\":1}]}";

  private ShopDatabase database;
  private CreateOrderHandler handler;

  @BeforeEach
  void migrateDatabase() {
    database = ShopDatabase.migrated();
    handler = new CreateOrderHandler(database);
  }

  @AfterEach
  void closeDatabase() throws SQLException {
    database.close();
  }

  private APIGatewayV2HTTPResponse postJson(String body) {
    return handler.handleRequest(
        Events.request("POST", "/api/orders")
            .header("Content-Type", "application/json")
            .textBody(body)
            .build(),
        new TestContext("shop-create-order"));
  }

  private long rows(String table) throws SQLException {
    try (Statement statement = database.connection().createStatement();
        ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private List<String> storedLines(long orderId) throws SQLException {
    String sql =
        "SELECT line_no, product_id, quantity, unit_price FROM order_line WHERE order_id = ?"
            + " ORDER BY line_no";
    try (PreparedStatement query = database.connection().prepareStatement(sql)) {
      query.setLong(1, orderId);
      try (ResultSet rows = query.executeQuery()) {
        List<String> lines = new ArrayList<>();
        while (rows.next()) {
          lines.add(
              "%d: %d x %d @ %s"
                  .formatted(
                      rows.getInt(1), rows.getInt(3), rows.getLong(2), rows.getBigDecimal(4)));
        }
        return lines;
      }
    }
  }

  @Test
  void placesAnOrderWith201RelativeLocationAndTheStoredOrderAsBody() throws SQLException {
    APIGatewayV2HTTPResponse response = postJson(TWO_LINES);

    assertThat(response.getStatusCode()).isEqualTo(201);
    assertThat(header(response, "Content-Type")).isEqualTo("application/json");
    assertThat(header(response, "Location")).isEqualTo("/api/orders/1");
    assertThat(response.getBody())
        .isEqualTo(
            "{\"id\":1,\"userId\":1,\"items\":["
                + "{\"productId\":1,\"productName\":\"House Blend Beans 1kg\",\"quantity\":2,"
                + "\"unitPrice\":24.90,\"lineTotal\":49.80},"
                + "{\"productId\":9,\"productName\":\"Refactoring Legacy Code\",\"quantity\":1,"
                + "\"unitPrice\":39.99,\"lineTotal\":39.99}],\"total\":89.79}");
    assertThat(rows("customer_order")).isEqualTo(1);
    assertThat(storedLines(1)).containsExactly("1: 2 x 1 @ 24.90", "2: 1 x 9 @ 39.99");
  }

  @Test
  void keepsRepeatedProductsAsSeparateLinesInTheClientsOrder() throws SQLException {
    APIGatewayV2HTTPResponse first = postJson(TWO_LINES);
    APIGatewayV2HTTPResponse second =
        postJson(
            "{\"userId\":2,\"items\":[{\"productId\":30,\"quantity\":7},"
                + "{\"productId\":3,\"quantity\":1},{\"productId\":30,\"quantity\":1000}]}");

    assertThat(first.getStatusCode()).isEqualTo(201);
    assertThat(header(second, "Location")).isEqualTo("/api/orders/2");
    assertThat(second.getBody())
        .startsWith("{\"id\":2,\"userId\":2,")
        .endsWith("\"total\":150058.00}");
    assertThat(storedLines(2))
        .containsExactly("1: 7 x 30 @ 149.00", "2: 1 x 3 @ 15.00", "3: 1000 x 30 @ 149.00");
  }

  @Test
  void rejectsAnUnknownProductWith422AndWritesNothing() throws SQLException {
    APIGatewayV2HTTPResponse response =
        postJson(
            "{\"userId\":1,\"items\":[{\"productId\":1,\"quantity\":1},"
                + "{\"productId\":5555,\"quantity\":1}]}");

    assertThat(response.getStatusCode()).isEqualTo(422);
    assertThat(header(response, "Content-Type")).isEqualTo("application/problem+json");
    assertThat(response.getBody())
        .isEqualTo(
            "{\"detail\":\"Product 5555 does not exist.\",\"instance\":\"/api/orders\","
                + "\"status\":422,\"title\":\"Unknown product\"}");
    assertThat(rows("customer_order")).isZero();
    assertThat(rows("order_line")).isZero();
  }

  @Test
  void namesSeveralUnknownProductsOnceEachInIdOrder() {
    APIGatewayV2HTTPResponse response =
        postJson(
            "{\"userId\":1,\"items\":[{\"productId\":99,\"quantity\":1},"
                + "{\"productId\":98,\"quantity\":1},{\"productId\":99,\"quantity\":2}]}");

    assertThat(response.getStatusCode()).isEqualTo(422);
    assertThat(response.getBody()).contains("\"detail\":\"Products [98, 99] do not exist.\"");
  }

  @Test
  void rejectsAnUnknownUserWith422BeforeLookingAtTheProducts() throws SQLException {
    APIGatewayV2HTTPResponse response =
        postJson("{\"userId\":424242,\"items\":[{\"productId\":5555,\"quantity\":1}]}");

    assertThat(response.getStatusCode()).isEqualTo(422);
    assertThat(response.getBody())
        .isEqualTo(
            "{\"detail\":\"User 424242 does not exist.\",\"instance\":\"/api/orders\","
                + "\"status\":422,\"title\":\"Unknown user\"}");
    assertThat(rows("customer_order")).isZero();
  }

  @Test
  void rejectsAnInvalidQuantityWith400NamingTheLine() throws SQLException {
    APIGatewayV2HTTPResponse response =
        postJson("{\"userId\":1,\"items\":[{\"productId\":1,\"quantity\":0}]}");

    assertThat(response.getStatusCode()).isEqualTo(400);
    assertThat(header(response, "Content-Type")).isEqualTo("application/problem+json");
    assertThat(response.getBody())
        .isEqualTo(
            "{\"detail\":\"The request body has 1 invalid field(s).\",\"instance\":\"/api/orders\","
                + "\"status\":400,\"title\":\"Validation failed\",\"errors\":["
                + "{\"field\":\"items[0].quantity\",\"message\":\"must be at least 1\"}]}");
    assertThat(rows("customer_order")).isZero();
  }

  @Test
  void listsEveryInvalidFieldAsTheMonolithNamesThem() {
    APIGatewayV2HTTPResponse response =
        postJson("{\"userId\":0,\"items\":[null,{},{\"productId\":-2,\"quantity\":1001}]}");

    assertThat(response.getBody())
        .endsWith(
            "\"errors\":["
                + "{\"field\":\"items[0]\",\"message\":\"must not be null\"},"
                + "{\"field\":\"items[1].productId\",\"message\":\"must not be null\"},"
                + "{\"field\":\"items[1].quantity\",\"message\":\"must not be null\"},"
                + "{\"field\":\"items[2].productId\",\"message\":\"must be a positive id\"},"
                + "{\"field\":\"items[2].quantity\",\"message\":\"must be at most 1000\"},"
                + "{\"field\":\"userId\",\"message\":\"must be a positive id\"}]}");
    assertThat(postJson("{}").getBody())
        .endsWith(
            "\"errors\":[{\"field\":\"items\",\"message\":\"must contain at least one item\"},"
                + "{\"field\":\"userId\",\"message\":\"must not be null\"}]}");
    assertThat(postJson("{\"userId\":1,\"items\":[]}").getBody())
        .contains("{\"field\":\"items\",\"message\":\"must contain at least one item\"}");
  }

  @Test
  void acceptsFiftyItemsButNotFiftyOne() {
    String item = "{\"productId\":7,\"quantity\":1}";

    assertThat(postJson(order(50, item)).getStatusCode()).isEqualTo(201);
    APIGatewayV2HTTPResponse tooMany = postJson(order(51, item));
    assertThat(tooMany.getStatusCode()).isEqualTo(400);
    assertThat(tooMany.getBody())
        .contains("[{\"field\":\"items\",\"message\":\"must contain at most 50 items\"}]");
  }

  /** An order for user 1 with {@code count} copies of one item. */
  private static String order(int count, String item) {
    return "{\"userId\":1,\"items\":[" + String.join(",", Collections.nCopies(count, item)) + "]}";
  }

  @Test
  void answersABodyThatDoesNotReadAsAnOrderWith400FailedToReadRequest() {
    String expected =
        "{\"detail\":\"Failed to read request\",\"instance\":\"/api/orders\",\"status\":400,"
            + "\"title\":\"Bad Request\"}";

    assertThat(postJson("").getBody()).isEqualTo(expected);
    assertThat(postJson("{\"userId\":1,\"items\":{\"productId\":1,\"quantity\":1}}").getBody())
        .isEqualTo(expected);
    assertThat(
            postJson("{\"userId\":1,\"items\":[{\"productId\":1,\"quantity\":3000000000}]}")
                .getBody())
        .isEqualTo(expected);
    assertThat(postJson("{\"userId\":true,\"items\":[{\"productId\":1,\"quantity\":1}]}").getBody())
        .isEqualTo(expected);
  }

  @Test
  void rollsBackTheOrderRowWhenALineCannotBeWritten() throws SQLException {
    // Validation is the handler's; placing directly lets the second line reach the database, whose
    // CHECK constraint rejects it after the order row and the first line were written.
    CreateOrderRequest request =
        new CreateOrderRequest(1L, List.of(new Item(1L, 1), new Item(2L, -1)));

    assertThatThrownBy(() -> new OrderPlacement(database).place(request))
        .isInstanceOf(DatabaseException.class);

    assertThat(rows("customer_order")).isZero();
    assertThat(rows("order_line")).isZero();
    assertThat(database.connection().getAutoCommit()).isTrue();
    assertThat(postJson(TWO_LINES).getStatusCode()).isEqualTo(201);
  }

  @Test
  void rejectsGetWith405() {
    APIGatewayV2HTTPResponse response =
        handler.handleRequest(Events.request("GET", "/api/orders").build(), null);

    assertThat(response.getStatusCode()).isEqualTo(405);
    assertThat(header(response, "Allow")).isEqualTo("POST");
  }
}
