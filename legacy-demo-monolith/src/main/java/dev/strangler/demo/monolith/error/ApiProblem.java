package dev.strangler.demo.monolith.error;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * An error with a fixed status, title and detail. Spring renders {@link ErrorResponseException}s as
 * {@code application/problem+json}, so features only have to say what went wrong.
 */
public final class ApiProblem extends ErrorResponseException {

  private ApiProblem(HttpStatus status, String title, String detail) {
    super(status, problem(status, title, detail), null);
  }

  private static ProblemDetail problem(HttpStatus status, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    return problem;
  }

  public static ApiProblem badRequest(String detail) {
    return new ApiProblem(HttpStatus.BAD_REQUEST, "Bad Request", detail);
  }

  public static ApiProblem notFound(String title, String detail) {
    return new ApiProblem(HttpStatus.NOT_FOUND, title, detail);
  }

  public static ApiProblem conflict(String title, String detail) {
    return new ApiProblem(HttpStatus.CONFLICT, title, detail);
  }

  public static ApiProblem unprocessable(String title, String detail) {
    return new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, title, detail);
  }
}
