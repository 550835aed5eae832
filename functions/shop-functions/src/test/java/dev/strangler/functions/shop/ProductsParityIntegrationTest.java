package dev.strangler.functions.shop;

import static dev.strangler.functions.shop.support.Exchange.get;
import static dev.strangler.functions.shop.support.Exchange.request;

import dev.strangler.functions.shop.support.Events;
import dev.strangler.functions.shop.support.Exchange;
import dev.strangler.functions.shop.support.Parity;
import dev.strangler.functions.shop.support.ShopDatabase;
import java.sql.SQLException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code shop-get-products} answers every one of these requests byte for byte as the monolith. */
class ProductsParityIntegrationTest {

  private static final Pattern ONE_PRODUCT = Pattern.compile("/api/products/([^/]+)");

  private static ShopDatabase database;
  private static GetProductsHandler handler;

  @BeforeAll
  static void start() {
    Parity.startMonolith();
    database = ShopDatabase.migrated();
    handler = new GetProductsHandler(database);
  }

  @AfterAll
  static void closeDatabase() throws SQLException {
    database.close();
  }

  static Stream<Exchange> requests() {
    return Stream.of(
        get("/api/products"),
        get("/api/products?size=2"),
        get("/api/products?category=tools&size=2&page=1"),
        get("/api/products?category=books&size=100"),
        get("/api/products?category=garden&size=3&page=2"),
        get("/api/products?category=nope"),
        get("/api/products?category=&size=1"),
        get("/api/products?category=+&size=1"),
        get("/api/products?category=books&category=tools"),
        get("/api/products?category=b%C3%B6oks"),
        get("/api/products?page=5&size=10"),
        get("/api/products?page=-1"),
        get("/api/products?size=0"),
        get("/api/products?size=101"),
        get("/api/products?size=abc"),
        get("/api/products?page=abc&size=0"),
        get("/api/products?page=99999999999"),
        get("/api/products?size=1.5"),
        get("/api/products?size=%20"),
        get("/api/products?size=0x10"),
        get("/api/products?size=%232"),
        get("/api/products?size=%2B2"),
        get("/api/products?size=%2B0x2"),
        get("/api/products?size=1%200"),
        get("/api/products?size=2+"),
        get("/api/products?size=-0x1"),
        get("/api/products?size=010"),
        get("/api/products?size=%C3%A9"),
        get("/api/products?size=%E2%80%832"),
        get("/api/products?size="),
        get("/api/products?size"),
        get("/api/products?Size=1"),
        get("/api/products?size=1&size=abc"),
        get("/api/products?size=2&&page=1"),
        get("/api/products?size=2%26page%3D1"),
        get("/api/products?size=%zz"),
        get("/api/products?size=%C3"),
        get("/api/products?=1"),
        get("/api/products/1"),
        get("/api/products/9"),
        get("/api/products/30"),
        get("/api/products/31"),
        get("/api/products/4242"),
        get("/api/products/-1"),
        get("/api/products/0x9"),
        get("/api/products/%2B9"),
        get("/api/products/+9"),
        get("/api/products/09"),
        get("/api/products/abc"),
        get("/api/products/99999999999999999999"),
        get("/api/products/%20"),
        get("/api/products/%C3%A9"),
        get("/api/products/a%22b"),
        get("/api/products/9?x=%zz"),
        get("/api/products/1/reviews"),
        get("/api/products/4242").header("Accept", "text/html"),
        get("/api/products?size=1").header("Accept", "*/*"),
        request("HEAD", "/api/products?size=3"),
        request("HEAD", "/api/products/4242"),
        request("OPTIONS", "/api/products"),
        request("OPTIONS", "/api/products/1"),
        request("POST", "/api/products"),
        request("DELETE", "/api/products/1"),
        request("PATCH", "/api/products/1"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("requests")
  void answersAsTheMonolith(Exchange exchange) {
    Parity.assertSameAnswer(
        exchange,
        exchange.toEvent(pathParameters(exchange)),
        handler::handleRequest,
        "shop-get-products");
  }

  @Test
  void quotesARepeatedParameterAsTheMonolithUpToTheArraysIdentityHash() {
    Exchange exchange = get("/api/products?size=abc&size=1");

    Parity.assertSameAnswerUpTo(
        body -> body.replaceAll("\\[Ljava\\.lang\\.String;@[0-9a-f]+", "[Ljava.lang.String;@…"),
        exchange,
        exchange.toEvent(Map.of()),
        handler::handleRequest,
        "shop-get-products");
  }

  /** What API Gateway puts in {@code pathParameters} for the route {@code /api/products/{id}}. */
  private static Map<String, String> pathParameters(Exchange exchange) {
    Matcher item = ONE_PRODUCT.matcher(exchange.path());
    return item.matches() ? Map.of("id", Events.decodePathSegment(item.group(1))) : Map.of();
  }
}
