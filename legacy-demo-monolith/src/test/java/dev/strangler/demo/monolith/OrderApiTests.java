package dev.strangler.demo.monolith;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

class OrderApiTests extends HttpTestSupport {

  @Autowired JdbcClient jdbc;

  private long orderCount() {
    var response = get("/api/orders/count");
    assertThat(response.statusCode()).isEqualTo(200);
    return json(response).path("count").asLong();
  }

  @Test
  void placesOrderWithLinesInDatabaseAndCountIncrementsByOne() {
    long before = orderCount();

    // Product 1 costs 24.90, product 9 costs 39.99 (seed data).
    var response =
        postJson(
            "/api/orders",
            """
            {"userId": 1, "items": [{"productId": 1, "quantity": 2}, {"productId": 9, "quantity": 1}]}
            """);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    JsonNode order = json(response);
    long id = order.path("id").asLong();
    assertThat(header(response, "Location")).isEqualTo("/api/orders/" + id);
    assertThat(order.path("userId").asLong()).isEqualTo(1);
    assertThat(order.path("total").decimalValue()).isEqualByComparingTo("89.79");
    assertThat(order.path("items").size()).isEqualTo(2);
    assertThat(order.path("items").get(0).path("lineTotal").decimalValue())
        .isEqualByComparingTo("49.80");
    assertThat(orderCount()).isEqualTo(before + 1);

    List<Integer> quantities =
        jdbc.sql("SELECT quantity FROM order_line WHERE order_id = :id ORDER BY line_no")
            .param("id", id)
            .query(Integer.class)
            .list();
    assertThat(quantities).containsExactly(2, 1);

    var fetched = get("/api/orders/" + id);
    assertThat(fetched.statusCode()).isEqualTo(200);
    assertThat(json(fetched)).isEqualTo(order);
  }

  @Test
  void rejectsUnknownProductWith422AndWritesNothing() {
    long before = orderCount();

    var response =
        postJson(
            "/api/orders",
            "{\"userId\":1,\"items\":[{\"productId\":1,\"quantity\":1},"
                + "{\"productId\":5555,\"quantity\":1}]}");

    JsonNode problem = assertProblem(response, 422);
    assertThat(problem.path("detail").asString()).contains("5555");
    assertThat(orderCount()).isEqualTo(before);
  }

  @Test
  void rejectsUnknownUserWith422() {
    var response =
        postJson("/api/orders", "{\"userId\":424242,\"items\":[{\"productId\":1,\"quantity\":1}]}");

    assertThat(assertProblem(response, 422).path("detail").asString()).contains("424242");
  }

  @Test
  void rejectsInvalidOrderWithFieldErrors() {
    long before = orderCount();

    var response =
        postJson("/api/orders", "{\"userId\":1,\"items\":[{\"productId\":1,\"quantity\":0}]}");

    JsonNode problem = assertProblem(response, 400);
    assertThat(problem.path("errors").get(0).path("field").asString())
        .isEqualTo("items[0].quantity");
    assertProblem(postJson("/api/orders", "{\"userId\":1,\"items\":[]}"), 400);
    assertThat(orderCount()).isEqualTo(before);
  }

  @Test
  void returnsProblemJsonForUnknownOrder() {
    assertProblem(get("/api/orders/999999"), 404);
  }
}
