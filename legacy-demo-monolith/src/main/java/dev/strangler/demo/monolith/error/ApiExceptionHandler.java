package dev.strangler.demo.monolith.error;

import java.util.Comparator;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns MVC exceptions into problem details. Replaces Boot's own problem-details handler (which
 * backs off when one exists) only to list the individual field errors of an invalid body.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  /** One rejected field; sorted output keeps the response byte-for-byte repeatable. */
  record FieldProblem(String field, String message) {}

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<FieldProblem> errors =
        ex.getBindingResult().getFieldErrors().stream()
            .map(ApiExceptionHandler::toFieldProblem)
            .sorted(Comparator.comparing(FieldProblem::field).thenComparing(FieldProblem::message))
            .toList();
    ProblemDetail problem = ex.getBody();
    problem.setTitle("Validation failed");
    problem.setDetail("The request body has " + errors.size() + " invalid field(s).");
    problem.setProperty("errors", errors);
    return handleExceptionInternal(ex, problem, headers, status, request);
  }

  private static FieldProblem toFieldProblem(FieldError error) {
    String message = error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage();
    return new FieldProblem(error.getField(), message);
  }
}
