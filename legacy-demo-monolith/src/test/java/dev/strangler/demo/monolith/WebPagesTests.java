package dev.strangler.demo.monolith;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class WebPagesTests extends HttpTestSupport {

  @Autowired JdbcClient jdbc;

  private java.net.http.HttpResponse<String> postForm(String path, String form, String cookie) {
    HttpRequest.Builder builder =
        request(path)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form));
    if (cookie != null) {
      builder.header("Cookie", cookie);
    }
    return send(builder.build());
  }

  @Test
  void homePageIsHtmlLinkingStylesheetAndGuestbookForm() {
    var response = get("/");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(header(response, "Content-Type")).isEqualTo("text/html;charset=UTF-8");
    assertThat(response.body())
        .contains("<link rel=\"stylesheet\" href=\"/static/site.css\">")
        .contains("<form method=\"post\" action=\"/guestbook\">")
        .contains("House Blend Beans 1kg");
  }

  @Test
  void stylesheetHasLastModifiedAndAnswers304WhenUnchanged() {
    var first = get("/static/site.css");
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(header(first, "Content-Type")).startsWith("text/css");
    String lastModified = header(first, "Last-Modified");
    assertThat(lastModified).isNotBlank();

    var second =
        send(request("/static/site.css").header("If-Modified-Since", lastModified).GET().build());

    assertThat(second.statusCode()).isEqualTo(304);
    assertThat(second.body()).isEmpty();
  }

  @Test
  void guestbookPostRedirectsWith303ToAbsoluteOwnUrlAndStartsSession() {
    String message = "hello " + UUID.randomUUID();

    var posted = postForm("/guestbook", "name=Zo%C3%AB&message=" + message.replace(' ', '+'), null);

    assertThat(posted.statusCode()).isEqualTo(303);
    assertThat(header(posted, "Location")).isEqualTo("http://127.0.0.1:" + port + "/?posted=1");
    String sessionCookie =
        posted.headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith("JSESSIONID="))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no JSESSIONID in " + posted.headers()));
    assertThat(
            jdbc.sql("SELECT name FROM guestbook_entry WHERE message = :m")
                .param("m", message)
                .query(String.class)
                .list())
        .containsExactly("Zoë");

    String cookie = sessionCookie.substring(0, sessionCookie.indexOf(';'));
    var home = send(request("/?posted=1").header("Cookie", cookie).GET().build());
    assertThat(home.body())
        .contains("Thanks, your entry was posted.")
        .contains("Hello again, Zoë")
        .contains(message);
  }

  @Test
  void rejectsEmptyGuestbookEntryWith400AndNoSession() {
    var response = postForm("/guestbook", "name=&message=hi", null);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(header(response, "Content-Type")).startsWith("text/html");
    assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
  }

  @Test
  void redirectUsesTheHostTheRequestArrivedWith() throws IOException {
    String response =
        RawHttp.exchange(port, "GET /login-redirect HTTP/1.0\r\nHost: shop.example:8080\r\n\r\n");

    assertThat(response).startsWith("HTTP/1.1 302");
    assertThat(response).contains("\r\nLocation: http://shop.example:8080/account\r\n");
  }

  @Test
  void loginRedirectPointsAtAbsoluteAccountUrl() {
    var response = get("/login-redirect");

    assertThat(response.statusCode()).isEqualTo(302);
    assertThat(header(response, "Location")).isEqualTo("http://127.0.0.1:" + port + "/account");

    var account = get("/account");
    assertThat(account.statusCode()).isEqualTo(200);
    assertThat(account.body()).contains("<h1>Your account</h1>");
  }

  @Test
  void setsThreeSeparateCookiesInOneResponse() {
    var response = get("/cookies");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().allValues("Set-Cookie"))
        .containsExactly(
            "theme=dark; Path=/", "lang=en; Path=/; HttpOnly", "visits=1; Path=/; Max-Age=3600");
    assertThat(response.body()).contains("theme, lang, visits");
  }
}
