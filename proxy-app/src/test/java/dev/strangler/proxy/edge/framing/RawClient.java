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

    int status() {
      if (!text.startsWith("HTTP/1.1 ")) {
        throw new AssertionError("no HTTP response: '" + text + "'");
      }
      return Integer.parseInt(text.substring(9, 12));
    }

    /** How many responses came back on the connection: status lines at a line's start. */
    int responses() {
      int count = 0;
      for (int at = text.indexOf("HTTP/1.1 "); at >= 0; at = text.indexOf("HTTP/1.1 ", at + 1)) {
        if (at == 0 || text.charAt(at - 1) == '\n') {
          count++;
        }
      }
      return count;
    }
  }

  /** Waits up to ten seconds for the server to close; an open connection is reported as such. */
  static Answer send(int port, String raw) throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(raw.getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream received = new ByteArrayOutputStream();
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
