package dev.strangler.demo.monolith.web;

import org.springframework.web.util.HtmlUtils;

/** Tiny page layout; a template engine would cost more startup time than these pages are worth. */
final class Html {

  private Html() {}

  /** Escapes only markup characters; the pages are UTF-8, so letters like "ë" stay as they are. */
  static String escape(String text) {
    return HtmlUtils.htmlEscape(text, "UTF-8");
  }

  static String page(String title, String body) {
    return """
        <!DOCTYPE html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <title>%s · Legacy Shop</title>
          <link rel="stylesheet" href="/static/site.css">
        </head>
        <body>
          <header><a class="brand" href="/">Legacy Shop</a>
            <nav><a href="/">Home</a> <a href="/account">Account</a> <a href="/api/products">API</a></nav>
          </header>
          <main>
        %s
          </main>
          <footer>Served by the legacy monolith.</footer>
        </body>
        </html>
        """
        .formatted(escape(title), body);
  }
}
