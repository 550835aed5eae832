package dev.strangler.functions.shop;

import static dev.strangler.functions.shop.support.Responses.header;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.strangler.functions.shop.support.Events;
import dev.strangler.functions.shop.support.ShopDatabase;
import dev.strangler.functions.shop.support.TestContext;
import dev.strangler.functions.shop.user.UserRepository;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CreateUserHandlerTest {

  private ShopDatabase database;
  private CreateUserHandler handler;

  @BeforeEach
  void migrateDatabase() {
    database = ShopDatabase.migrated();
    handler = new CreateUserHandler(database);
  }

  @AfterEach
  void closeDatabase() throws SQLException {
    database.close();
  }

  private APIGatewayV2HTTPResponse post(String contentType, String body) {
    Events.Builder event = Events.request("POST", "/api/users").textBody(body);
    if (contentType != null) {
      event.header("Content-Type", contentType);
    }
    return handler.handleRequest(event.build(), new TestContext("shop-create-user"));
  }

  private APIGatewayV2HTTPResponse postJson(String body) {
    return post("application/json", body);
  }

  private String storedName(String email) throws SQLException {
    try (PreparedStatement query =
        database.connection().prepareStatement("SELECT name FROM app_user WHERE email = ?")) {
      query.setString(1, email);
      try (ResultSet rows = query.executeQuery()) {
        return rows.next() ? rows.getString(1) : null;
      }
    }
  }

  @Test
  void createsAUserWith201RelativeLocationAndBody() throws SQLException {
    APIGatewayV2HTTPResponse response =
        postJson("{\"name\":\"  Linus  \",\"email\":\"linus@example.com\"}");

    assertThat(response.getStatusCode()).isEqualTo(201);
    assertThat(header(response, "Content-Type")).isEqualTo("application/json");
    assertThat(header(response, "Location")).isEqualTo("/api/users/3");
    assertThat(response.getBody())
        .isEqualTo("{\"id\":3,\"name\":\"Linus\",\"email\":\"linus@example.com\"}");
    assertThat(storedName("linus@example.com")).isEqualTo("Linus");
  }

  @Test
  void listsEveryInvalidFieldSortedByFieldThenMessage() {
    String name = "x".repeat(101);
    String email = "y".repeat(300);

    APIGatewayV2HTTPResponse response =
        postJson("{\"name\":\"" + name + "\",\"email\":\"" + email + "\"}");

    assertThat(response.getStatusCode()).isEqualTo(400);
    assertThat(header(response, "Content-Type")).isEqualTo("application/problem+json");
    assertThat(response.getBody())
        .isEqualTo(
            "{\"detail\":\"The request body has 3 invalid field(s).\",\"instance\":\"/api/users\","
                + "\"status\":400,\"title\":\"Validation failed\",\"errors\":["
                + "{\"field\":\"email\",\"message\":\"must be a valid email address\"},"
                + "{\"field\":\"email\",\"message\":\"must be at most 254 characters\"},"
                + "{\"field\":\"name\",\"message\":\"must be at most 100 characters\"}]}");
  }

  @Test
  void treatsMissingAndBlankFieldsAsBlank() {
    assertThat(postJson("{\"name\":\" \"}").getBody())
        .contains(
            "\"errors\":[{\"field\":\"email\",\"message\":\"must not be blank\"},"
                + "{\"field\":\"name\",\"message\":\"must not be blank\"}]");
  }

  @Test
  void judgesEmailAddressesAsTheMonolithsValidatorDoes() {
    assertThat(postJson("{\"name\":\"A\",\"email\":\"a@b\"}").getStatusCode()).isEqualTo(201);
    assertThat(postJson("{\"name\":\"A\",\"email\":\"a@b.\"}").getStatusCode()).isEqualTo(400);
    assertThat(postJson("{\"name\":\"A\",\"email\":\" c@d.e \"}").getStatusCode()).isEqualTo(400);
  }

  @Test
  void rejectsATakenEmailWith409() {
    APIGatewayV2HTTPResponse response =
        postJson("{\"name\":\"Ada\",\"email\":\"ada@example.com\"}");

    assertThat(response.getStatusCode()).isEqualTo(409);
    assertThat(response.getBody())
        .isEqualTo(
            "{\"detail\":\"A user with email 'ada@example.com' already exists.\",\"instance\":"
                + "\"/api/users\",\"status\":409,\"title\":\"Email already registered\"}");
  }

  @Test
  void reportsARaceLostOnTheUniqueConstraintAsTaken() {
    assertThat(new UserRepository(database).insert("Grace", "grace@example.com")).isEmpty();
  }

  @Test
  void answersAnyUnreadableBodyWith400FailedToReadRequest() {
    String expected =
        "{\"detail\":\"Failed to read request\",\"instance\":\"/api/users\",\"status\":400,"
            + "\"title\":\"Bad Request\"}";

    assertThat(postJson("{\"name\":").getBody()).isEqualTo(expected);
    assertThat(postJson("").getBody()).isEqualTo(expected);
    assertThat(postJson("null").getBody()).isEqualTo(expected);
    assertThat(postJson("{\"name\":[\"x\"]}").getBody()).isEqualTo(expected);
    assertThat(postJson("{\"name\":\"a\",\"email\":\"a@b.c\"} {}").getBody()).isEqualTo(expected);
    assertThat(post(null, "").getBody()).isEqualTo(expected);
  }

  @Test
  void coercesScalarsToTextAndIgnoresUnknownPropertiesAsJacksonDoes() {
    assertThat(postJson("{\"name\":1.50,\"email\":\"n@example.com\",\"extra\":true}").getBody())
        .isEqualTo("{\"id\":3,\"name\":\"1.50\",\"email\":\"n@example.com\"}");
  }

  @Test
  void rejectsOtherMediaTypesWith415QuotingThemAsSpringPrintsThem() {
    APIGatewayV2HTTPResponse response = post("Text/Plain; Foo=Bar", "{}");

    assertThat(response.getStatusCode()).isEqualTo(415);
    assertThat(header(response, "Accept")).isEqualTo("application/json, application/*+json");
    assertThat(response.getBody())
        .isEqualTo(
            "{\"detail\":\"Content-Type 'text/plain;Foo=Bar;charset=UTF-8' is not supported.\","
                + "\"instance\":\"/api/users\",\"status\":415,\"title\":\"Unsupported Media Type\"}");
    assertThat(post(null, "{}").getBody()).contains("'application/octet-stream'");
    assertThat(post("garbage", "{}").getBody()).contains("Could not parse Content-Type.");
  }

  @Test
  void answersAWildcardContentTypeWithTheMonolithsBare500() {
    assertThat(post("*/*", "{}").getBody())
        .isEqualTo(
            "{\"instance\":\"/api/users\",\"status\":500,\"title\":\"Internal Server Error\"}");
  }

  @Test
  void acceptsAnyJsonSuffixAndDecodesTheDeclaredCharset() throws SQLException {
    byte[] latin1 =
        "{\"name\":\"Zoë\",\"email\":\"zoe@example.com\"}".getBytes(StandardCharsets.ISO_8859_1);
    APIGatewayV2HTTPResponse response =
        handler.handleRequest(
            Events.request("POST", "/api/users")
                .header("Content-Type", "application/merge-patch+json; charset=ISO-8859-1")
                .binaryBody(latin1)
                .build(),
            null);

    assertThat(response.getStatusCode()).isEqualTo(201);
    assertThat(storedName("zoe@example.com")).isEqualTo("Zoë");
  }

  @Test
  void answersWithoutALambdaContext() {
    APIGatewayV2HTTPResponse response =
        handler.handleRequest(
            Events.request("POST", "/api/users")
                .header("Content-Type", "application/json")
                .textBody("{\"name\":\"Null\",\"email\":\"null@example.com\"}")
                .build(),
            null);

    assertThat(response.getStatusCode()).isEqualTo(201);
  }

  @Test
  void rejectsGetWith405() {
    APIGatewayV2HTTPResponse response =
        handler.handleRequest(Events.request("GET", "/api/users").build(), null);

    assertThat(response.getStatusCode()).isEqualTo(405);
    assertThat(header(response, "Allow")).isEqualTo("POST");
  }
}
