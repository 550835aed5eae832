package dev.strangler.functions.shop.order;

import dev.strangler.functions.shop.db.ConnectionProvider;
import dev.strangler.functions.shop.db.Transactions;
import dev.strangler.functions.shop.http.ApiProblem;
import dev.strangler.functions.shop.product.Product;
import dev.strangler.functions.shop.product.ProductRepository;
import dev.strangler.functions.shop.user.UserRepository;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Places a validated order as the monolith's {@code OrderService} does: the user and every product
 * must exist (422 otherwise, in the monolith's words), each line takes the product's current price,
 * and the order row and its lines commit together or not at all.
 */
public final class OrderPlacement {

  private final ConnectionProvider database;

  public OrderPlacement(ConnectionProvider database) {
    this.database = Objects.requireNonNull(database, "database");
  }

  /**
   * @return the order as stored, read back in the same transaction
   * @throws ApiProblem 422 for an unknown user or product; nothing is written then
   */
  public Order place(CreateOrderRequest request) {
    return Transactions.inTransaction(database, transaction -> place(request, transaction));
  }

  private static Order place(CreateOrderRequest request, ConnectionProvider transaction) {
    long userId = request.userId();
    if (!new UserRepository(transaction).existsById(userId)) {
      throw ApiProblem.unprocessable("Unknown user", "User " + userId + " does not exist.");
    }
    Map<Long, Product> products = productsOf(request, new ProductRepository(transaction));
    List<OrderRepository.NewLine> lines = new ArrayList<>();
    BigDecimal total = BigDecimal.ZERO;
    for (CreateOrderRequest.Item item : request.items()) {
      BigDecimal unitPrice = products.get(item.productId()).price();
      lines.add(new OrderRepository.NewLine(item.productId(), item.quantity(), unitPrice));
      total = total.add(unitPrice.multiply(BigDecimal.valueOf(item.quantity())));
    }
    OrderRepository orders = new OrderRepository(transaction);
    long id = orders.insert(userId, total, lines);
    return orders.findById(id).orElseThrow();
  }

  /** The ordered products by id; all of them, or a problem naming the missing ones in id order. */
  private static Map<Long, Product> productsOf(
      CreateOrderRequest request, ProductRepository catalogue) {
    TreeSet<Long> wanted = new TreeSet<>();
    request.items().forEach(item -> wanted.add(item.productId()));
    Map<Long, Product> found =
        catalogue.findAllById(wanted).stream()
            .collect(Collectors.toMap(Product::id, Function.identity()));
    wanted.removeAll(found.keySet());
    if (!wanted.isEmpty()) {
      // TreeSet's toString is the monolith's list format: "[98, 99]".
      String detail =
          wanted.size() == 1
              ? "Product " + wanted.first() + " does not exist."
              : "Products " + wanted + " do not exist.";
      throw ApiProblem.unprocessable("Unknown product", detail);
    }
    return found;
  }
}
