package dev.strangler.proxy.edge.framing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/** Sends raw bytes on a fresh connection and reads everything that comes back until it closes. */
final class RawClient {

  private RawClient() {}

  /**
   * @param text everything the server sent
   * @param closed whether the server closed the connection (rather than leaving it open)
   */
  record Answer(String text, boolean closed) {

    /** The final status, after any {@code 100 Continue}. */
    int status() {
      String last = text;
      while (last.startsWith("HTTP/1.1 100 ")) {
        last = last.substring(last.indexOf("\r\n\r\n") + 4);
      }
      if (!last.startsWith("HTTP/1.1 ")) {
        throw new AssertionError("no HTTP response: '" + text + "'");
      }
      return Integer.parseInt(last.substring(9, 12));
    }

    /** How many final responses came back: status lines {@code HTTP/1.1 ddd }, not 1xx. */
    int responses() {
      int count = 0;
      for (int at = text.indexOf("HTTP/1.1 "); at >= 0; at = text.indexOf("HTTP/1.1 ", at + 1)) {
        if (isStatusLine(at) && text.charAt(at + 9) != '1') {
          count++;
        }
      }
      return count;
    }

    private boolean isStatusLine(int at) {
      return at + 13 <= text.length()
          && Character.isDigit(text.charAt(at + 9))
          && Character.isDigit(text.charAt(at + 10))
          && Character.isDigit(text.charAt(at + 11))
          && text.charAt(at + 12) == ' ';
    }
  }

  /** Waits up to ten seconds for the server to close; an open connection is reported as such. */
  static Answer send(int port, String raw) throws IOException {
    return send(port, raw, null);
  }

  /**
   * Sends a head with {@code Expect: 100-continue}, waits for the proxy's {@code 100 Continue} (it
   * comes once a backend reads the body: the upstream request is under way), then the body.
   */
  static Answer sendAfterContinue(int port, String head, String body) throws IOException {
    return send(port, head, body);
  }

  private static Answer send(int port, String raw, String afterContinue) throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(raw.getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream received = new ByteArrayOutputStream();
      if (afterContinue != null) {
        String interim = "HTTP/1.1 100 Continue\r\n\r\n";
        received.write(in.readNBytes(interim.length()));
        if (!received.toString(StandardCharsets.ISO_8859_1).equals(interim)) {
          throw new AssertionError("no 100 Continue: " + received);
        }
        socket.getOutputStream().write(afterContinue.getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
      }
      byte[] buffer = new byte[8192];
      try {
        int n;
        while ((n = in.read(buffer)) != -1) {
          received.write(buffer, 0, n);
        }
        return new Answer(received.toString(StandardCharsets.ISO_8859_1), true);
      } catch (SocketTimeoutException stillOpen) {
        return new Answer(received.toString(StandardCharsets.ISO_8859_1), false);
      } catch (IOException reset) {
        return new Answer(received.toString(StandardCharsets.ISO_8859_1), true);
      }
    }
  }
}
