package dev.strangler.demo.monolith.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CookieController {

  /**
   * Three separate Set-Cookie headers in one response, which a proxy must not fold into one. The
   * header values are literal: ResponseCookie would add an Expires date that changes every second.
   */
  @GetMapping("/cookies")
  ResponseEntity<String> cookies() {
    return ResponseEntity.ok()
        .header(HttpHeaders.SET_COOKIE, "theme=dark; Path=/")
        .header(HttpHeaders.SET_COOKIE, "lang=en; Path=/; HttpOnly")
        .header(HttpHeaders.SET_COOKIE, "visits=1; Path=/; Max-Age=3600")
        .contentType(MediaType.parseMediaType("text/plain;charset=UTF-8"))
        .body("Set three cookies: theme, lang, visits.\n");
  }
}
