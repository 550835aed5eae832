package dev.strangler.demo.monolith.user;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/users}. Messages are spelled out so that they do not change with the
 * client's Accept-Language (responses must be identical with and without the proxy).
 */
record CreateUserRequest(
    @NotBlank(message = "must not be blank")
        @Size(max = 100, message = "must be at most 100 characters")
        String name,
    @NotBlank(message = "must not be blank")
        @Email(message = "must be a valid email address")
        @Size(max = 254, message = "must be at most 254 characters")
        String email) {}
