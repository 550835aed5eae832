package dev.strangler.demo.monolith.error;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * Handles errors that never reached an MVC exception handler (container errors, uncaught
 * exceptions): problem+json under /api, a plain HTML page elsewhere. Replaces Boot's
 * BasicErrorController, whose JSON body is not problem+json and includes a timestamp.
 */
@RestController
class ProblemErrorController implements ErrorController {

  @RequestMapping("${server.error.path:/error}")
  ResponseEntity<?> error(HttpServletRequest request) {
    int status = statusOf(request);
    String path = String.valueOf(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
    HttpStatus known = HttpStatus.resolve(status);
    String title = known == null ? "Error" : known.getReasonPhrase();
    if (path.equals("/api") || path.startsWith("/api/")) {
      ProblemDetail problem = ProblemDetail.forStatus(status);
      problem.setTitle(title);
      problem.setInstance(instanceOf(path));
      return ResponseEntity.status(status)
          .contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .body(problem);
    }
    String html =
        "<!DOCTYPE html>\n<html><head><title>"
            + status
            + " "
            + HtmlUtils.htmlEscape(title)
            + "</title></head><body><h1>"
            + status
            + " "
            + HtmlUtils.htmlEscape(title)
            + "</h1><p><a href=\"/\">Back to the shop</a></p></body></html>\n";
    return ResponseEntity.status(status).contentType(MediaType.TEXT_HTML).body(html);
  }

  private static URI instanceOf(String path) {
    try {
      return URI.create(path);
    } catch (IllegalArgumentException notAUri) {
      return null;
    }
  }

  private static int statusOf(HttpServletRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    return code instanceof Integer value ? value : 500;
  }
}
