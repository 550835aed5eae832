package dev.strangler.demo.monolith;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.postgresql.PostgreSQLContainer;
import tools.jackson.databind.JsonNode;

/** The same migrations and SQL on a real PostgreSQL; skipped where there is no Docker. */
@Testcontainers(disabledWithoutDocker = true)
@ActiveProfiles("postgres")
class PostgresProfileTests extends HttpTestSupport {

  @Container
  static final PostgreSQLContainer POSTGRES = new PostgreSQLContainer("postgres:17-alpine");

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("DB_URL", POSTGRES::getJdbcUrl);
    registry.add("DB_USER", POSTGRES::getUsername);
    registry.add("DB_PASSWORD", POSTGRES::getPassword);
  }

  @Test
  void migratesSeedsAndWritesOrdersOnPostgres() {
    assertThat(json(get("/api/products?category=tools")).path("total").asLong()).isEqualTo(7);

    String email = "pg-" + UUID.randomUUID() + "@example.com";
    var user = postJson("/api/users", "{\"name\":\"Pat\",\"email\":\"" + email + "\"}");
    assertThat(user.statusCode()).isEqualTo(201);
    long userId = json(user).path("id").asLong();
    assertProblem(postJson("/api/users", "{\"name\":\"Pat\",\"email\":\"" + email + "\"}"), 409);

    var order =
        postJson(
            "/api/orders",
            "{\"userId\":" + userId + ",\"items\":[{\"productId\":3,\"quantity\":3}]}");
    assertThat(order.statusCode()).isEqualTo(201);
    JsonNode body = json(order);
    assertThat(body.path("total").decimalValue()).isEqualByComparingTo("45.00");
    assertThat(json(get("/api/orders/count")).path("count").asLong()).isEqualTo(1);
  }
}
