package dev.strangler.proxy.edge.framing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A raw loopback upstream that keeps exactly the bytes each connection brought, and answers {@code
 * 200 ok} to each request only once its body has fully arrived (by Content-Length or a terminating
 * chunk), so a test can tell a forwarded head from a forwarded, complete request.
 */
final class CapturingUpstream implements AutoCloseable {

  /** One connection from the proxy: its bytes so far, and whether the proxy has closed it. */
  static final class Connection {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private volatile boolean closed;
    private int mark;

    synchronized String text() {
      return bytes.toString(StandardCharsets.ISO_8859_1);
    }

    /** What arrived since the last {@link CapturingUpstream#reset()}. */
    synchronized String sinceReset() {
      return text().substring(mark);
    }

    private synchronized void mark() {
      mark = bytes.size();
    }

    private synchronized void add(byte[] data, int length) {
      bytes.write(data, 0, length);
    }

    boolean closed() {
      return closed;
    }
  }

  private final ServerSocket server;
  private final ExecutorService workers = Executors.newCachedThreadPool();
  private final List<Connection> connections = new CopyOnWriteArrayList<>();
  private final List<String> completed = new CopyOnWriteArrayList<>();

  CapturingUpstream() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    workers.submit(this::acceptLoop);
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getLocalPort());
  }

  List<Connection> connections() {
    return List.copyOf(connections);
  }

  /** Request lines of the requests that arrived whole, head and body. */
  List<String> completed() {
    return List.copyOf(completed);
  }

  /** Every byte any connection brought since the last reset, connection after connection. */
  String sinceReset() {
    StringBuilder all = new StringBuilder();
    connections.forEach(connection -> all.append(connection.sinceReset()));
    return all.toString();
  }

  /** Forgets what arrived so far; connections the proxy keeps open stay, from their next byte. */
  void reset() {
    connections.removeIf(Connection::closed);
    connections.forEach(Connection::mark);
    completed.clear();
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        Connection connection = new Connection();
        connections.add(connection);
        workers.submit(() -> serve(socket, connection));
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void serve(Socket socket, Connection connection) {
    try (socket) {
      InputStream in = socket.getInputStream();
      OutputStream out = socket.getOutputStream();
      byte[] buffer = new byte[8192];
      int consumed = 0;
      int n;
      while ((n = in.read(buffer)) != -1) {
        connection.add(buffer, n);
        String text = connection.text();
        int end;
        while ((end = completeRequestEnd(text, consumed)) > 0) {
          completed.add(text.substring(consumed, text.indexOf("\r\n", consumed)));
          consumed = end;
          out.write(
              "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok".getBytes(StandardCharsets.US_ASCII));
          out.flush();
        }
      }
    } catch (IOException reset) {
      // the proxy aborted the connection: as good as closed
    } finally {
      connection.closed = true;
    }
  }

  /** Where the request starting at {@code from} ends, or -1 while it is incomplete. */
  private static int completeRequestEnd(String text, int from) {
    int headEnd = text.indexOf("\r\n\r\n", from);
    if (headEnd < 0) {
      return -1;
    }
    String head = text.substring(from, headEnd).toLowerCase(Locale.ROOT);
    int bodyStart = headEnd + 4;
    if (head.contains("\r\ntransfer-encoding: chunked")) {
      int terminator = text.indexOf("0\r\n\r\n", bodyStart);
      if (terminator < 0) {
        return -1;
      }
      // only a size line "0" at a line start terminates
      while (terminator > bodyStart && text.charAt(terminator - 1) != '\n') {
        terminator = text.indexOf("0\r\n\r\n", terminator + 1);
        if (terminator < 0) {
          return -1;
        }
      }
      return terminator + 5;
    }
    int lengthAt = head.indexOf("\r\ncontent-length: ");
    if (lengthAt >= 0) {
      int valueStart = lengthAt + 18;
      int valueEnd = head.indexOf("\r\n", valueStart);
      long length =
          Long.parseLong(
              head.substring(valueStart, valueEnd < 0 ? head.length() : valueEnd).trim());
      return text.length() - bodyStart >= length ? (int) (bodyStart + length) : -1;
    }
    return bodyStart;
  }

  @Override
  public void close() throws IOException {
    server.close();
    workers.shutdownNow();
  }
}
