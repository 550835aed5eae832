package dev.strangler.demo.monolith.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AccountController {

  /** The old login flow: a 302 to an absolute URL on the app's own origin. */
  @GetMapping("/login-redirect")
  ResponseEntity<Void> loginRedirect(HttpServletRequest request) {
    return ResponseEntity.status(HttpStatus.FOUND)
        .location(URI.create(OwnOrigin.url(request, "/account")))
        .build();
  }

  @GetMapping("/account")
  ResponseEntity<String> account(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    Object name = session == null ? null : session.getAttribute(HomeController.SESSION_NAME);
    String who =
        name == null
            ? "<p>You are browsing as a guest.</p>"
            : "<p>Signed the guestbook as <strong>" + Html.escape((String) name) + "</strong>.</p>";
    String body =
        """
        <h1>Your account</h1>
        %s
        <p><a href="/">Back to the shop</a></p>"""
            .formatted(who);
    return HomeController.html(HttpStatus.OK, Html.page("Account", body));
  }
}
