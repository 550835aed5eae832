package dev.strangler.functions.shop.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.strangler.functions.shop.http.ApiProblem.FieldProblem;
import java.util.List;

/**
 * The problem+json document as the monolith writes Spring's {@code ProblemDetail}: Jackson 3 sorts
 * its properties alphabetically, a {@code type} of {@code about:blank} and unset fields are left
 * out, and extra properties ({@code errors}) come last.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"detail", "instance", "status", "title", "errors"})
public record ProblemBody(
    String detail, String instance, int status, String title, List<FieldProblem> errors) {}
