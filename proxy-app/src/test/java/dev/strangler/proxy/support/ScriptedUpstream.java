package dev.strangler.proxy.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A loopback HTTP/1.1 server that answers every request with one fixed raw response, for headers
 * and timings the demo monolith does not produce. It can hold responses until released, so a test
 * knows a request is in flight without sleeping.
 */
public final class ScriptedUpstream implements AutoCloseable {

  private final ServerSocket server;
  private final ExecutorService workers = Executors.newCachedThreadPool();
  private final String rawResponse;
  private final CountDownLatch release;
  private final CountDownLatch arrived = new CountDownLatch(1);
  private final List<String> heads = new CopyOnWriteArrayList<>();

  private ScriptedUpstream(String rawResponse, boolean hold) throws IOException {
    this.rawResponse = rawResponse;
    this.release = new CountDownLatch(hold ? 1 : 0);
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    workers.submit(this::acceptLoop);
  }

  /** Answers at once with {@code rawResponse} (status line, headers, blank line and body). */
  public static ScriptedUpstream answering(String rawResponse) throws IOException {
    return new ScriptedUpstream(rawResponse, false);
  }

  /** Answers only after {@link #release()}. */
  public static ScriptedUpstream holding(String rawResponse) throws IOException {
    return new ScriptedUpstream(rawResponse, true);
  }

  public URI url() {
    return URI.create("http://127.0.0.1:" + server.getLocalPort());
  }

  /** Waits until the first request's headers have arrived. */
  public boolean awaitRequest(long timeout, TimeUnit unit) throws InterruptedException {
    return arrived.await(timeout, unit);
  }

  /** Every request head received so far, exactly as its bytes arrived (ISO-8859-1). */
  public List<String> requestHeads() {
    return List.copyOf(heads);
  }

  public void release() {
    release.countDown();
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        workers.submit(() -> serve(socket));
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      InputStream in = socket.getInputStream();
      for (String head = readHead(in); head != null; head = readHead(in)) {
        heads.add(head);
        arrived.countDown();
        release.await();
        socket.getOutputStream().write(rawResponse.getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
      }
    } catch (IOException | InterruptedException ignored) {
      // the client went away; nothing to answer
    }
  }

  /** Reads request headers up to the blank line, or null at the end; requests carry no body. */
  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != -1) {
      head.write(b);
      byte[] bytes = head.toByteArray();
      int n = bytes.length;
      if (n >= 4
          && bytes[n - 4] == '\r'
          && bytes[n - 3] == '\n'
          && bytes[n - 2] == '\r'
          && bytes[n - 1] == '\n') {
        return head.toString(StandardCharsets.ISO_8859_1);
      }
    }
    return null;
  }

  @Override
  public void close() throws IOException {
    release.countDown();
    server.close();
    workers.shutdownNow();
  }
}
