package dev.strangler.demo.monolith.order;

import dev.strangler.demo.monolith.error.ApiProblem;
import dev.strangler.demo.monolith.product.Product;
import dev.strangler.demo.monolith.product.ProductRepository;
import dev.strangler.demo.monolith.user.UserRepository;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class OrderService {

  private final OrderRepository orders;
  private final ProductRepository products;
  private final UserRepository users;

  OrderService(OrderRepository orders, ProductRepository products, UserRepository users) {
    this.orders = orders;
    this.products = products;
    this.users = users;
  }

  /** Order row and lines commit together or not at all; a rejected order writes nothing. */
  @Transactional
  Order place(CreateOrderRequest request) {
    long userId = request.userId();
    if (!users.existsById(userId)) {
      throw ApiProblem.unprocessable("Unknown user", "User " + userId + " does not exist.");
    }
    TreeSet<Long> wanted = new TreeSet<>();
    request.items().forEach(item -> wanted.add(item.productId()));
    Map<Long, Product> found =
        products.findAllById(wanted).stream()
            .collect(Collectors.toMap(Product::id, Function.identity()));
    wanted.removeAll(found.keySet());
    if (!wanted.isEmpty()) {
      String detail =
          wanted.size() == 1
              ? "Product " + wanted.first() + " does not exist."
              : "Products " + wanted + " do not exist.";
      throw ApiProblem.unprocessable("Unknown product", detail);
    }
    List<OrderRepository.NewLine> lines = new ArrayList<>();
    BigDecimal total = BigDecimal.ZERO;
    for (CreateOrderRequest.Item item : request.items()) {
      BigDecimal unitPrice = found.get(item.productId()).price();
      lines.add(new OrderRepository.NewLine(item.productId(), item.quantity(), unitPrice));
      total = total.add(unitPrice.multiply(BigDecimal.valueOf(item.quantity())));
    }
    long id = orders.insert(userId, total, lines);
    return orders.findById(id).orElseThrow();
  }

  @Transactional(readOnly = true)
  Optional<Order> find(long id) {
    return orders.findById(id);
  }

  long count() {
    return orders.count();
  }
}
