package dev.strangler.demo.monolith;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class UserApiTests extends HttpTestSupport {

  @Test
  void createsUserWith201AndLocationThatResolves() {
    String email = "user-" + UUID.randomUUID() + "@example.com";

    var created = postJson("/api/users", "{\"name\":\"Linus\",\"email\":\"" + email + "\"}");

    assertThat(created.statusCode()).isEqualTo(201);
    JsonNode user = json(created);
    long id = user.path("id").asLong();
    assertThat(id).isPositive();
    assertThat(user.path("name").asString()).isEqualTo("Linus");
    assertThat(user.path("email").asString()).isEqualTo(email);
    assertThat(header(created, "Location")).isEqualTo("/api/users/" + id);

    var fetched = get(header(created, "Location"));
    assertThat(fetched.statusCode()).isEqualTo(200);
    assertThat(json(fetched)).isEqualTo(user);
  }

  @Test
  void rejectsInvalidUserListingEachFieldError() {
    var response = postJson("/api/users", "{\"name\":\"  \",\"email\":\"not-an-email\"}");

    JsonNode problem = assertProblem(response, 400);
    List<String> fields = new ArrayList<>();
    problem.path("errors").forEach(error -> fields.add(error.path("field").asString()));
    assertThat(fields).containsExactly("email", "name");
  }

  @Test
  void rejectsTooLongName() {
    String name = "x".repeat(101);
    var response =
        postJson("/api/users", "{\"name\":\"" + name + "\",\"email\":\"long@example.com\"}");

    JsonNode problem = assertProblem(response, 400);
    assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("name");
  }

  @Test
  void rejectsMalformedJson() {
    assertProblem(postJson("/api/users", "{\"name\":"), 400);
  }

  @Test
  void rejectsDuplicateEmailWith409() {
    // ada@example.com is seeded by the migrations.
    var response = postJson("/api/users", "{\"name\":\"Ada\",\"email\":\"ada@example.com\"}");

    JsonNode problem = assertProblem(response, 409);
    assertThat(problem.path("detail").asString()).contains("ada@example.com");
  }

  @Test
  void returnsProblemJsonForUnknownUser() {
    JsonNode problem = assertProblem(get("/api/users/987654"), 404);

    assertThat(problem.path("detail").asString()).contains("987654");
  }
}
