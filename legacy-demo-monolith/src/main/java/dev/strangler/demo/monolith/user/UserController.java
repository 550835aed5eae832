package dev.strangler.demo.monolith.user;

import dev.strangler.demo.monolith.error.ApiProblem;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/users")
class UserController {

  private final UserRepository users;

  UserController(UserRepository users) {
    this.users = users;
  }

  @PostMapping
  ResponseEntity<User> create(@Valid @RequestBody CreateUserRequest request) {
    String name = request.name().strip();
    String email = request.email().strip();
    // The check gives the usual answer; the unique constraint settles concurrent requests.
    if (users.existsByEmail(email)) {
      throw emailTaken(email);
    }
    User user;
    try {
      user = users.insert(name, email);
    } catch (DuplicateKeyException raced) {
      throw emailTaken(email);
    }
    // A relative Location, as the legacy API always sent it.
    return ResponseEntity.created(URI.create("/api/users/" + user.id())).body(user);
  }

  @GetMapping("/{id}")
  User get(@PathVariable long id) {
    return users
        .findById(id)
        .orElseThrow(
            () -> ApiProblem.notFound("User not found", "User " + id + " does not exist."));
  }

  private static ApiProblem emailTaken(String email) {
    return ApiProblem.conflict(
        "Email already registered", "A user with email '" + email + "' already exists.");
  }
}
