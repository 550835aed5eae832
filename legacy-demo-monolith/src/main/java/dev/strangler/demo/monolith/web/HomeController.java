package dev.strangler.demo.monolith.web;

import dev.strangler.demo.monolith.product.Product;
import dev.strangler.demo.monolith.product.ProductRepository;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The server-rendered shop front with its guestbook. */
@RestController
class HomeController {

  static final String SESSION_NAME = "guestbook.name";
  static final String SESSION_COUNT = "guestbook.count";

  private static final MediaType HTML_UTF8 = MediaType.parseMediaType("text/html;charset=UTF-8");

  private final ProductRepository products;
  private final GuestbookRepository guestbook;

  HomeController(ProductRepository products, GuestbookRepository guestbook) {
    this.products = products;
    this.guestbook = guestbook;
  }

  @GetMapping("/")
  ResponseEntity<String> home(
      @RequestParam(required = false) String posted, HttpServletRequest request) {
    String notice = posted == null ? "" : "<p class=\"notice\">Thanks, your entry was posted.</p>";
    return html(HttpStatus.OK, homePage(notice, "", "", "", request.getSession(false)));
  }

  /**
   * Stores the entry in the database and the visitor's session, then answers 303 with an absolute
   * Location built from the request (Post/Redirect/Get, legacy style).
   */
  @PostMapping(path = "/guestbook", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
  ResponseEntity<String> post(
      @RequestParam(defaultValue = "") String name,
      @RequestParam(defaultValue = "") String message,
      HttpServletRequest request) {
    String cleanName = name.strip();
    String cleanMessage = message.strip();
    String error = validate(cleanName, cleanMessage);
    if (error != null) {
      String notice = "<p class=\"error\">" + Html.escape(error) + "</p>";
      return html(
          HttpStatus.BAD_REQUEST,
          homePage(notice, error, cleanName, cleanMessage, request.getSession(false)));
    }
    guestbook.add(cleanName, cleanMessage);
    HttpSession session = request.getSession(true);
    Integer count = (Integer) session.getAttribute(SESSION_COUNT);
    session.setAttribute(SESSION_COUNT, count == null ? 1 : count + 1);
    session.setAttribute(SESSION_NAME, cleanName);
    return ResponseEntity.status(HttpStatus.SEE_OTHER)
        .location(URI.create(OwnOrigin.url(request, "/?posted=1")))
        .build();
  }

  private static String validate(String name, String message) {
    if (name.isEmpty() || name.length() > 100) {
      return "Please give a name of 1 to 100 characters.";
    }
    if (message.isEmpty() || message.length() > 1000) {
      return "Please write a message of 1 to 1000 characters.";
    }
    return null;
  }

  private String homePage(
      String notice, String error, String name, String message, HttpSession session) {
    StringBuilder body = new StringBuilder();
    body.append("<h1>Welcome to the Legacy Shop</h1>\n").append(notice).append('\n');
    if (session != null && session.getAttribute(SESSION_NAME) != null) {
      int count = (Integer) session.getAttribute(SESSION_COUNT);
      body.append("<p class=\"greeting\">Hello again, ")
          .append(Html.escape((String) session.getAttribute(SESSION_NAME)))
          .append(" — you have signed the guestbook ")
          .append(count == 1 ? "once" : count + " times")
          .append(" in this session.</p>\n");
    }
    body.append("<section class=\"products\"><h2>Featured products</h2><ul>\n");
    for (Product product : products.findPage(null, 6, 0)) {
      body.append("<li><a href=\"/api/products/")
          .append(product.id())
          .append("\">")
          .append(Html.escape(product.name()))
          .append("</a> <span class=\"price\">€")
          .append(product.price().toPlainString())
          .append("</span></li>\n");
    }
    body.append("</ul></section>\n");
    body.append(
        """
        <section class="guestbook"><h2>Guestbook</h2>
        <form method="post" action="/guestbook">
          <label>Name <input name="name" maxlength="100" value="%s"></label>
          <label>Message <textarea name="message" maxlength="1000">%s</textarea></label>
          <button type="submit">Sign the guestbook</button>
        </form>
        <ul class="entries">
        """
            .formatted(Html.escape(name), Html.escape(message)));
    List<GuestbookEntry> entries = guestbook.latest(10);
    for (GuestbookEntry entry : entries) {
      body.append("<li><strong>")
          .append(Html.escape(entry.name()))
          .append("</strong>: ")
          .append(Html.escape(entry.message()))
          .append("</li>\n");
    }
    body.append("</ul></section>");
    return Html.page(error.isEmpty() ? "Home" : "Please check your entry", body.toString());
  }

  static ResponseEntity<String> html(HttpStatus status, String page) {
    return ResponseEntity.status(status).contentType(HTML_UTF8).body(page);
  }
}
