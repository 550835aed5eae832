package dev.strangler.proxy.edge.limits;

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
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A raw loopback HTTP/1.1 upstream that keeps every byte each connection sent it and answers {@code
 * 200 upstream-ok} only to a request it received whole (by {@code Content-Length} or up to the last
 * chunk). A path containing {@code /slow} is answered after {@link #SLOW_MILLIS}.
 */
final class RecordingUpstream implements AutoCloseable {

  static final String BODY = "upstream-ok";
  static final long SLOW_MILLIS = 2_500;

  /** One connection from the proxy: the bytes it sent, and whether it has ended. */
  static final class Capture {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private volatile boolean ended;
    private final AtomicInteger complete = new AtomicInteger();

    synchronized String text() {
      return bytes.toString(StandardCharsets.ISO_8859_1);
    }

    synchronized void add(int b) {
      bytes.write(b);
    }

    boolean ended() {
      return ended;
    }

    int completeRequests() {
      return complete.get();
    }
  }

  private final ServerSocket server;
  private final ExecutorService workers = Executors.newCachedThreadPool();
  private final List<Capture> captures = new CopyOnWriteArrayList<>();
  private final AtomicInteger completeRequests = new AtomicInteger();

  RecordingUpstream() throws IOException {
    server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
    workers.submit(this::acceptLoop);
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getLocalPort());
  }

  List<Capture> captures() {
    return List.copyOf(captures);
  }

  int completeRequests() {
    return completeRequests.get();
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        Capture capture = new Capture();
        captures.add(capture);
        workers.submit(() -> serve(socket, capture));
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void serve(Socket socket, Capture capture) {
    try (socket) {
      InputStream in = socket.getInputStream();
      OutputStream out = socket.getOutputStream();
      while (true) {
        String head = readHead(in, capture);
        if (head == null || !readBody(in, capture, head)) {
          return;
        }
        capture.complete.incrementAndGet();
        completeRequests.incrementAndGet();
        if (head.startsWith("GET /slow") || head.startsWith("POST /slow")) {
          Thread.sleep(SLOW_MILLIS); // the upstream's own pace, not a test's synchronisation
        }
        out.write(
            ("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: "
                    + BODY.length()
                    + "\r\n\r\n"
                    + BODY)
                .getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
      }
    } catch (IOException | InterruptedException ended) {
      // the proxy went away
    } finally {
      capture.ended = true;
    }
  }

  private static String readHead(InputStream in, Capture capture) throws IOException {
    StringBuilder head = new StringBuilder();
    int b;
    while ((b = in.read()) != -1) {
      capture.add(b);
      head.append((char) b);
      int n = head.length();
      if (n >= 4 && head.substring(n - 4).equals("\r\n\r\n")) {
        return head.toString();
      }
    }
    return null;
  }

  /** Reads the whole body; false if the connection ended first. */
  private static boolean readBody(InputStream in, Capture capture, String head) throws IOException {
    String lower = head.toLowerCase(Locale.ROOT);
    int length = lower.indexOf("\r\ncontent-length:");
    if (length >= 0) {
      int end = lower.indexOf("\r\n", length + 2);
      long remaining = Long.parseLong(lower.substring(length + 17, end).trim());
      for (; remaining > 0; remaining--) {
        int b = in.read();
        if (b == -1) {
          return false;
        }
        capture.add(b);
      }
      return true;
    }
    if (lower.contains("\r\ntransfer-encoding: chunked")) {
      // Good enough for the tests' bodies of letters: the last chunk is "0" and an empty line.
      StringBuilder body = new StringBuilder();
      int b;
      while ((b = in.read()) != -1) {
        capture.add(b);
        body.append((char) b);
        String text = body.toString();
        if (text.equals("0\r\n\r\n") || text.endsWith("\r\n0\r\n\r\n")) {
          return true;
        }
      }
      return false;
    }
    return true;
  }

  @Override
  public void close() throws IOException {
    server.close();
    workers.shutdownNow();
  }
}
