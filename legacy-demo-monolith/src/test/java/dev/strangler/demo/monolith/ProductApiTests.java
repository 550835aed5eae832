package dev.strangler.demo.monolith;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ProductApiTests extends HttpTestSupport {

  @Test
  void listsFirstPageWithDefaultSizeAndTotal() {
    var response = get("/api/products");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(header(response, "Content-Type")).startsWith("application/json");
    JsonNode page = json(response);
    assertThat(page.path("page").asInt()).isZero();
    assertThat(page.path("size").asInt()).isEqualTo(20);
    assertThat(page.path("total").asLong()).isEqualTo(30);
    assertThat(page.path("items").size()).isEqualTo(20);
    assertThat(page.path("items").get(0).path("sku").asString()).isEqualTo("COF-001");
  }

  @Test
  void filtersByCategory() {
    JsonNode page = json(get("/api/products?category=books&size=100"));

    assertThat(page.path("total").asLong()).isEqualTo(8);
    assertThat(page.path("items").size()).isEqualTo(8);
    for (JsonNode item : page.path("items")) {
      assertThat(item.path("category").asString()).isEqualTo("books");
    }
  }

  @Test
  void pagesThroughACategoryWithoutOverlap() {
    List<Long> seen = new ArrayList<>();
    for (int p = 0; p < 3; p++) {
      JsonNode page = json(get("/api/products?category=garden&size=3&page=" + p));
      assertThat(page.path("page").asInt()).isEqualTo(p);
      assertThat(page.path("total").asLong()).isEqualTo(7);
      page.path("items").forEach(item -> seen.add(item.path("id").asLong()));
    }
    Set<Long> distinct = new HashSet<>(seen);
    assertThat(seen).hasSize(7).isSorted();
    assertThat(distinct).hasSize(7);
  }

  @Test
  void returnsEmptyPageBeyondTheEnd() {
    JsonNode page = json(get("/api/products?page=5&size=10"));

    assertThat(page.path("items").size()).isZero();
    assertThat(page.path("total").asLong()).isEqualTo(30);
  }

  @Test
  void returnsProductById() {
    var response = get("/api/products/9");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode product = json(response);
    assertThat(product.path("id").asLong()).isEqualTo(9);
    assertThat(product.path("sku").asString()).isEqualTo("BOK-001");
    assertThat(product.path("price").decimalValue()).isEqualByComparingTo("39.99");
  }

  @Test
  void returnsProblemJsonForUnknownProduct() {
    JsonNode problem = assertProblem(get("/api/products/4242"), 404);

    assertThat(problem.path("title").asString()).isEqualTo("Product not found");
    assertThat(problem.path("detail").asString()).contains("4242");
    assertThat(problem.path("instance").asString()).isEqualTo("/api/products/4242");
  }

  @Test
  void rejectsPageSizeAboveMaximum() {
    JsonNode problem = assertProblem(get("/api/products?size=101"), 400);

    assertThat(problem.path("detail").asString()).contains("size").contains("101");
  }

  @Test
  void rejectsNegativePageAndNonNumericSize() {
    assertProblem(get("/api/products?page=-1"), 400);
    assertProblem(get("/api/products?size=abc"), 400);
    assertProblem(get("/api/products?size=0"), 400);
  }
}
