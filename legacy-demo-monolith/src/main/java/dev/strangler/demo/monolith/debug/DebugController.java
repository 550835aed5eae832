package dev.strangler.demo.monolith.debug;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/** Echoes the request as the servlet container received it, so proxy tests can compare. */
@RestController
class DebugController {

  /**
   * Methods are listed explicitly: a mapping without methods would not see OPTIONS, which Spring
   * MVC otherwise answers itself. TRACE is refused by Tomcat before it reaches the app.
   */
  @RequestMapping(
      path = "/api/debug/request",
      method = {
        RequestMethod.GET,
        RequestMethod.HEAD,
        RequestMethod.POST,
        RequestMethod.PUT,
        RequestMethod.PATCH,
        RequestMethod.DELETE,
        RequestMethod.OPTIONS
      })
  ResponseEntity<RequestEcho> echo(HttpServletRequest request) throws IOException {
    RequestEcho echo =
        new RequestEcho(
            request.getMethod(),
            request.getRequestURI(),
            request.getQueryString(),
            headersOf(request),
            countBody(request));
    ResponseEntity.BodyBuilder response = ResponseEntity.ok();
    if ("OPTIONS".equals(request.getMethod())) {
      response.header(HttpHeaders.ALLOW, "GET,HEAD,POST,PUT,PATCH,DELETE,OPTIONS");
    }
    return response.body(echo);
  }

  private static Map<String, List<String>> headersOf(HttpServletRequest request) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (String name : Collections.list(request.getHeaderNames())) {
      List<String> values =
          headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), key -> new ArrayList<>());
      values.addAll(Collections.list(request.getHeaders(name)));
    }
    return headers;
  }

  /** Counts rather than stores, so any body size works. */
  private static long countBody(HttpServletRequest request) throws IOException {
    long total = 0;
    byte[] buffer = new byte[16 * 1024];
    try (InputStream in = request.getInputStream()) {
      int n;
      while ((n = in.read(buffer)) != -1) {
        total += n;
      }
    }
    return total;
  }
}
