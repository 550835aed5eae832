package dev.strangler.demo.monolith;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Sends hand-written HTTP/1.0 requests for the cases the JDK client refuses: a custom Host header
 * and query characters that java.net.URI rejects. HTTP/1.0 keeps the response body unchunked.
 */
final class RawHttp {

  private RawHttp() {}

  /** Returns the whole response (status line, headers, body) as ISO-8859-1 text. */
  static String exchange(int port, String requestHead) throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(requestHead.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }
}
