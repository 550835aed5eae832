package dev.strangler.demo.monolith.product;

import dev.strangler.demo.monolith.error.ApiProblem;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/products")
class ProductController {

  static final int DEFAULT_SIZE = 20;
  static final int MAX_SIZE = 100;

  private final ProductRepository products;

  ProductController(ProductRepository products) {
    this.products = products;
  }

  @GetMapping
  ProductPage list(
      @RequestParam(required = false) String category,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "" + DEFAULT_SIZE) int size) {
    // Checked by hand rather than with @Min/@Max so that the messages do not depend on the locale.
    if (page < 0) {
      throw ApiProblem.badRequest("Query parameter 'page' must be 0 or greater, was " + page + ".");
    }
    if (size < 1 || size > MAX_SIZE) {
      throw ApiProblem.badRequest(
          "Query parameter 'size' must be between 1 and " + MAX_SIZE + ", was " + size + ".");
    }
    String filter = category == null || category.isBlank() ? null : category;
    long offset = (long) page * size;
    return new ProductPage(
        products.findPage(filter, size, offset), page, size, products.count(filter));
  }

  @GetMapping("/{id}")
  Product get(@PathVariable long id) {
    return products
        .findById(id)
        .orElseThrow(
            () -> ApiProblem.notFound("Product not found", "Product " + id + " does not exist."));
  }
}
