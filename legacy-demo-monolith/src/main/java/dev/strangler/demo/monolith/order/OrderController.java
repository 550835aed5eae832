package dev.strangler.demo.monolith.order;

import dev.strangler.demo.monolith.error.ApiProblem;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/orders")
class OrderController {

  private final OrderService orders;

  OrderController(OrderService orders) {
    this.orders = orders;
  }

  @PostMapping
  ResponseEntity<Order> place(@Valid @RequestBody CreateOrderRequest request) {
    Order order = orders.place(request);
    return ResponseEntity.created(URI.create("/api/orders/" + order.id())).body(order);
  }

  // A literal segment wins over {id}, so "count" never reaches the id mapping.
  @GetMapping("/count")
  OrderCount count() {
    return new OrderCount(orders.count());
  }

  @GetMapping("/{id}")
  Order get(@PathVariable long id) {
    return orders
        .find(id)
        .orElseThrow(
            () -> ApiProblem.notFound("Order not found", "Order " + id + " does not exist."));
  }
}
