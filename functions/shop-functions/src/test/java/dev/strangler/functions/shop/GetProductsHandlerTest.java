package dev.strangler.functions.shop;

import static dev.strangler.functions.shop.support.Responses.header;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.strangler.functions.shop.support.Events;
import dev.strangler.functions.shop.support.ShopDatabase;
import dev.strangler.functions.shop.support.TestContext;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class GetProductsHandlerTest {

  private static ShopDatabase database;
  private static GetProductsHandler handler;

  @BeforeAll
  static void migrateDatabase() {
    database = ShopDatabase.migrated();
    handler = new GetProductsHandler(database);
  }

  @AfterAll
  static void closeDatabase() throws SQLException {
    database.close();
  }

  private static APIGatewayV2HTTPResponse get(String target) {
    return handler.handleRequest(
        Events.request("GET", target).build(), new TestContext("shop-get-products"));
  }

  private static APIGatewayV2HTTPResponse getProduct(String id) {
    APIGatewayV2HTTPEvent event =
        Events.request("GET", "/api/products/" + id)
            .pathParameter("id", Events.decodePathSegment(id))
            .build();
    return handler.handleRequest(event, new TestContext("shop-get-products"));
  }

  private static JsonNode json(APIGatewayV2HTTPResponse response) {
    return JsonMapper.shared().readTree(response.getBody());
  }

  @Test
  void writesAPageInTheMonolithsJsonShape() {
    APIGatewayV2HTTPResponse response = get("/api/products?size=2");

    assertThat(response.getStatusCode()).isEqualTo(200);
    assertThat(header(response, "Content-Type")).isEqualTo("application/json");
    assertThat(response.getIsBase64Encoded()).isFalse();
    assertThat(response.getBody())
        .isEqualTo(
            "{\"items\":[{\"id\":1,\"sku\":\"COF-001\",\"name\":\"House Blend Beans 1kg\","
                + "\"category\":\"coffee\",\"price\":24.90,\"description\":\"Medium roast, chocolate"
                + " and hazelnut notes.\"},{\"id\":2,\"sku\":\"COF-002\",\"name\":\"Single Origin"
                + " Ethiopia 250g\",\"category\":\"coffee\",\"price\":12.50,\"description\":"
                + "\"Bright and floral, best as pour-over.\"}],\"page\":0,\"size\":2,\"total\":30}");
  }

  @Test
  void listsTwentyProductsByDefault() {
    JsonNode page = json(get("/api/products"));

    assertThat(page.path("size").asInt()).isEqualTo(20);
    assertThat(page.path("items").size()).isEqualTo(20);
    assertThat(page.path("total").asLong()).isEqualTo(30);
  }

  @Test
  void pagesWithinACategory() {
    JsonNode page = json(get("/api/products?category=garden&size=3&page=2"));

    assertThat(page.path("total").asLong()).isEqualTo(7);
    assertThat(page.path("items").size()).isEqualTo(1);
    assertThat(page.path("items").get(0).path("sku").asString()).isEqualTo("GRD-007");
  }

  @Test
  void treatsABlankCategoryAsAllCategories() {
    assertThat(json(get("/api/products?category=+")).path("total").asLong()).isEqualTo(30);
  }

  @Test
  void joinsRepeatedCategoriesWithCommasAsSpringDoes() {
    assertThat(json(get("/api/products?category=books&category=tools")).path("total").asLong())
        .isZero();
  }

  @Test
  void convertsNumbersAsSpringDoes() {
    assertThat(json(get("/api/products?size=0x3")).path("size").asInt()).isEqualTo(3);
    assertThat(json(get("/api/products?size=%232")).path("size").asInt()).isEqualTo(2);
    assertThat(json(get("/api/products?size=1%200")).path("size").asInt()).isEqualTo(10);
    assertThat(json(get("/api/products?size=")).path("size").asInt()).isEqualTo(20);
    assertThat(json(get("/api/products?size=4&size=abc")).path("size").asInt()).isEqualTo(4);
  }

  @Test
  void rejectsOutOfRangePagingWithTheMonolithsMessages() {
    assertThat(get("/api/products?page=-1").getBody())
        .isEqualTo(
            "{\"detail\":\"Query parameter 'page' must be 0 or greater, was -1.\","
                + "\"instance\":\"/api/products\",\"status\":400,\"title\":\"Bad Request\"}");
    assertThat(get("/api/products?size=101").getBody())
        .contains("\"detail\":\"Query parameter 'size' must be between 1 and 100, was 101.\"");
  }

  @Test
  void rejectsUnconvertibleNumbersAsSpringDoes() {
    APIGatewayV2HTTPResponse response = get("/api/products?page=abc&size=0");

    assertThat(response.getStatusCode()).isEqualTo(400);
    assertThat(header(response, "Content-Type")).isEqualTo("application/problem+json");
    assertThat(response.getBody())
        .isEqualTo(
            "{\"detail\":\"Failed to convert 'page' with value: 'abc'\","
                + "\"instance\":\"/api/products\",\"status\":400,\"title\":\"Bad Request\"}");
    assertThat(json(get("/api/products?size=abc&size=1")).path("detail").asString())
        .startsWith("Failed to convert 'size' with value: '[Ljava.lang.String;@");
  }

  @Test
  void rejectsAQueryTomcatCannotDecodeWithABare400() {
    assertThat(get("/api/products?size=%zz").getBody())
        .isEqualTo("{\"instance\":\"/api/products\",\"status\":400,\"title\":\"Bad Request\"}");
  }

  @Test
  void returnsOneProductWithItsTwoDecimalPrice() {
    APIGatewayV2HTTPResponse response = getProduct("9");

    assertThat(response.getStatusCode()).isEqualTo(200);
    assertThat(response.getBody())
        .isEqualTo(
            "{\"id\":9,\"sku\":\"BOK-001\",\"name\":\"Refactoring Legacy Code\",\"category\":"
                + "\"books\",\"price\":39.99,\"description\":\"Techniques for changing code"
                + " without tests.\"}");
  }

  @Test
  void answersAnUnknownProductWith404NamingTheRequestPath() {
    APIGatewayV2HTTPResponse response = getProduct("4242");

    assertThat(response.getStatusCode()).isEqualTo(404);
    assertThat(header(response, "Content-Type")).isEqualTo("application/problem+json");
    assertThat(response.getBody())
        .isEqualTo(
            "{\"detail\":\"Product 4242 does not exist.\",\"instance\":\"/api/products/4242\","
                + "\"status\":404,\"title\":\"Product not found\"}");
  }

  @Test
  void quotesTheDecodedIdButTheRawPathWhenTheIdIsNotANumber() {
    assertThat(getProduct("%C3%A9").getBody())
        .isEqualTo(
            "{\"detail\":\"Failed to convert 'id' with value: 'é'\",\"instance\":"
                + "\"/api/products/%C3%A9\",\"status\":400,\"title\":\"Bad Request\"}");
  }

  @Test
  void takesTheIdFromThePathWhenTheEventHasNoPathParameters() {
    assertThat(json(get("/api/products/0x9")).path("sku").asString()).isEqualTo("BOK-001");
    assertThat(get("/api/products/1/reviews").getStatusCode()).isEqualTo(404);
  }

  @Test
  void answersHeadWithTheHeadersOfGetAndNoBody() {
    APIGatewayV2HTTPResponse response =
        handler.handleRequest(Events.request("HEAD", "/api/products").build(), null);

    assertThat(response.getStatusCode()).isEqualTo(200);
    assertThat(header(response, "Content-Type")).isEqualTo("application/json");
    assertThat(response.getBody()).isEmpty();
  }

  @Test
  void answersOptionsAndRejectsOtherMethodsAsSpringDoes() {
    APIGatewayV2HTTPResponse options =
        handler.handleRequest(Events.request("OPTIONS", "/api/products/1").build(), null);
    APIGatewayV2HTTPResponse delete =
        handler.handleRequest(Events.request("DELETE", "/api/products/1").build(), null);

    assertThat(options.getStatusCode()).isEqualTo(200);
    assertThat(header(options, "Allow")).isEqualTo("GET,HEAD,OPTIONS");
    assertThat(delete.getStatusCode()).isEqualTo(405);
    assertThat(header(delete, "Allow")).isEqualTo("GET");
    assertThat(delete.getBody())
        .isEqualTo(
            "{\"detail\":\"Method 'DELETE' is not supported.\",\"instance\":\"/api/products/1\","
                + "\"status\":405,\"title\":\"Method Not Allowed\"}");
  }

  @Test
  void answersWithoutALambdaContext() {
    APIGatewayV2HTTPResponse response =
        handler.handleRequest(Events.request("GET", "/api/products?size=1").build(), null);

    assertThat(response.getStatusCode()).isEqualTo(200);
  }

  @Test
  void answersAHandWrittenEventWithoutRequestContext() {
    APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
    event.setRawPath("/api/products/2");

    assertThat(json(handler.handleRequest(event, null)).path("sku").asString())
        .isEqualTo("COF-002");
  }

  @Test
  void seesRowsTheMonolithWritesToTheSharedDatabase() throws SQLException {
    try (ShopDatabase shared = ShopDatabase.migrated()) {
      shared.execute(
          "INSERT INTO product (sku, name, category, price, description)"
              + " VALUES ('TEA-001', 'Green Tea', 'tea', 5.5, 'Sencha.')");

      APIGatewayV2HTTPResponse response =
          new GetProductsHandler(shared)
              .handleRequest(Events.request("GET", "/api/products?category=tea").build(), null);

      assertThat(response.getBody())
          .isEqualTo(
              "{\"items\":[{\"id\":31,\"sku\":\"TEA-001\",\"name\":\"Green Tea\",\"category\":"
                  + "\"tea\",\"price\":5.50,\"description\":\"Sencha.\"}],\"page\":0,\"size\":20,"
                  + "\"total\":1}");
    }
  }
}
