package dev.strangler.functions.shop;

import static dev.strangler.functions.shop.support.Exchange.postJson;
import static dev.strangler.functions.shop.support.Exchange.request;

import dev.strangler.functions.shop.support.Exchange;
import dev.strangler.functions.shop.support.Parity;
import dev.strangler.functions.shop.support.ShopDatabase;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code shop-create-user} answers every one of these requests byte for byte as the monolith. Both
 * start from the seed data and see the same requests in the same order, so new users get the same
 * ids on both sides.
 */
class CreateUserParityIntegrationTest {

  private static ShopDatabase database;
  private static CreateUserHandler handler;

  @BeforeAll
  static void start() {
    Parity.startMonolith();
    database = ShopDatabase.migrated();
    handler = new CreateUserHandler(database);
  }

  @AfterAll
  static void closeDatabase() throws SQLException {
    database.close();
  }

  private static Exchange post(String contentType, String body) {
    return request("POST", "/api/users").header("Content-Type", contentType).text(body);
  }

  static Stream<Exchange> requestsInOrder() {
    String validBody = "{\"name\":\"Media\",\"email\":\"media@example.com\"}";
    return Stream.of(
        postJson("/api/users", "{\"name\":\"Linus\",\"email\":\"linus@example.com\"}"),
        postJson("/api/users", "{\"name\":\"Linus\",\"email\":\"linus@example.com\"}"),
        postJson("/api/users", "{\"name\":\"  Linus  \",\"email\":\"linus2@example.com\"}"),
        postJson("/api/users", "{\"name\":\"  Linus  \",\"email\":\" linus3@example.com \"}"),
        postJson("/api/users", "{\"name\":\"  \",\"email\":\"not-an-email\"}"),
        postJson("/api/users", "{}"),
        postJson("/api/users", "{\"name\":null}"),
        postJson("/api/users", "{\"name\":\"x\",\"email\":null}"),
        postJson(
            "/api/users",
            "{\"name\":\"" + "x".repeat(101) + "\",\"email\":\"" + "y".repeat(300) + "\"}"),
        postJson("/api/users", "{\"name\":\"" + " ".repeat(101) + "\",\"email\":\"\"}"),
        postJson("/api/users", "{\"name\":\"A\",\"email\":\"" + "a".repeat(65) + "@example.com\"}"),
        postJson("/api/users", "{\"name\":"),
        postJson("/api/users", ""),
        postJson("/api/users", "null"),
        postJson("/api/users", "[]"),
        postJson("/api/users", "{'name':'x'}"),
        postJson("/api/users", "{\"name\":[\"x\"],\"email\":\"arr@example.com\"}"),
        postJson("/api/users", "{\"name\":{\"a\":1},\"email\":\"obj@example.com\"}"),
        postJson("/api/users", "{\"name\":5,\"email\":\"five@example.com\"}"),
        postJson("/api/users", "{\"name\":true,\"email\":\"true@example.com\"}"),
        postJson("/api/users", "{\"name\":1.50,\"email\":\"num@example.com\"}"),
        postJson("/api/users", "{\"name\":1e3,\"email\":\"exp@example.com\"}"),
        postJson("/api/users", "{\"name\":\"E\",\"email\":\"extra@example.com\",\"extra\":1}"),
        postJson("/api/users", "{\"name\":\"D\",\"name\":\"Dup\",\"email\":\"dup@example.com\"}"),
        postJson("/api/users", "{\"name\":\"A\",\"email\":\"a@b.c\",\"email\":\"bad\"}"),
        postJson("/api/users", "{\"name\":\"T\",\"email\":\"trail@example.com\"} x"),
        postJson("/api/users", "{\"name\":\"T\",\"email\":\"trail2@example.com\"} {}"),
        postJson("/api/users", "  {\"name\":\"ws\",\"email\":\"ws@example.com\"}  "),
        postJson("/api/users", "{\"name\":\"Ada\",\"email\":\"ada@example.com\"}"),
        postJson("/api/users", "{\"name\":\"Ada\",\"email\":\"ADA@example.com\"}"),
        postJson("/api/users", "{\"name\":\"Ümlaut ☕ 𝄞\",\"email\":\"u@example.com\"}"),
        postJson("/api/users", "{\"name\":\"\\u0000\",\"email\":\"ctl@example.com\"}"),
        postJson("/api/users", "{\"name\":\"a/b<>&\\u2028'\",\"email\":\"sl@example.com\"}"),
        postJson("/api/users", "{\"name\":\"A\",\"email\":\"a@b\"}"),
        postJson("/api/users", "{\"name\":\"A\",\"email\":\"a@@b\"}"),
        postJson("/api/users", "{\"name\":\"A\",\"email\":\"a@b.\"}"),
        postJson("/api/users", "{\"name\":\"A\",\"email\":\"\\\"quoted\\\"@example.com\"}"),
        postJson("/api/users?x=%zz", "{\"name\":\"Q\",\"email\":\"query@example.com\"}"),
        post("text/plain", validBody),
        post("Text/Plain; Foo=Bar", validBody),
        post("text/plain; charset=latin1", validBody),
        post("text/plain; Charset=latin1; a=b", validBody),
        post("text/plain", ""),
        post("application/json; charset=foo", validBody),
        post("application/json; charset=\"utf-8\"", validBody.replace("media@", "media1@")),
        post("*/*", validBody),
        post("application/*", validBody),
        post("application/*+json", validBody),
        post("application/*;charset=UTF-8", validBody),
        post("*/json", validBody),
        post("application/problem+json", validBody.replace("media@", "media2@")),
        post("application/merge-patch+json", validBody.replace("media@", "media3@")),
        post("APPLICATION/JSON", validBody.replace("media@", "media4@")),
        post("application/json ; q=0.1", validBody.replace("media@", "media5@")),
        post("application/json;", validBody.replace("media@", "media6@")),
        post("application/json; a", validBody.replace("media@", "media7@")),
        post("application/json; q=2", validBody),
        post("application/x-ndjson", validBody),
        post("garbage", validBody),
        post("", validBody),
        request("POST", "/api/users").text(validBody),
        request("POST", "/api/users"),
        request("POST", "/api/users")
            .header("Content-Type", "application/json; charset=ISO-8859-1")
            .bytes(
                "{\"name\":\"Zoë\",\"email\":\"zoe@example.com\"}"
                    .getBytes(StandardCharsets.ISO_8859_1)),
        request("POST", "/api/users")
            .header("Content-Type", "application/json")
            .bytes(
                "{\"name\":\"Zoë\",\"email\":\"zoe2@example.com\"}"
                    .getBytes(StandardCharsets.ISO_8859_1)),
        request("GET", "/api/users"),
        request("PUT", "/api/users").header("Content-Type", "application/json").text(validBody),
        request("HEAD", "/api/users"),
        request("OPTIONS", "/api/users"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("requestsInOrder")
  void answersAsTheMonolith(Exchange exchange) {
    Parity.assertSameAnswer(
        exchange, exchange.toEvent(Map.of()), handler::handleRequest, "shop-create-user");
  }
}
