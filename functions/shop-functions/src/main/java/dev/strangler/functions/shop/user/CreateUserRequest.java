package dev.strangler.functions.shop.user;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/users}, with exactly the monolith's constraints and messages: the same
 * validator then finds the same violations (blank after trimming, @Email's notion of an address,
 * lengths in UTF-16 units).
 */
public record CreateUserRequest(
    @NotBlank(message = "must not be blank")
        @Size(max = 100, message = "must be at most 100 characters")
        String name,
    @NotBlank(message = "must not be blank")
        @Email(message = "must be a valid email address")
        @Size(max = 254, message = "must be at most 254 characters")
        String email) {}
