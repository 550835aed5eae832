package dev.strangler.proxy.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.proxy.support.Proxy;
import dev.strangler.proxy.support.RawHttp;
import dev.strangler.proxy.support.RawHttp.Response;
import dev.strangler.proxy.support.ScriptedUpstream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One keep-alive connection to the management port carries a POST that is refused (401) before its
 * body is read, then a GET. The GET must be answered, or the 401 must say {@code Connection: close}
 * and the connection end: never a connection left waiting (issue 12, observation 9).
 */
class ManagementConnectionReuseIntegrationTest {

  /** Larger than the socket buffers on both sides, so the body cannot be "sent" unread. */
  private static final int LARGE = 4 * 1024 * 1024;

  private static final int SMALL = 16;

  private static ScriptedUpstream upstream;
  private static Proxy proxy;

  @BeforeAll
  static void start() throws IOException {
    upstream = ScriptedUpstream.answering("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
    proxy = Proxy.start(upstream.url(), Map.of());
  }

  @AfterAll
  static void stop() throws IOException {
    proxy.close();
    upstream.close();
  }

  @ParameterizedTest(name = "{0} bytes, {1}, Expect: 100-continue {2}")
  @CsvSource({
    "16,      content-length, false",
    "16,      content-length, true",
    "16,      chunked,        false",
    "16,      chunked,        true",
    "4194304, content-length, false",
    "4194304, content-length, true",
    "4194304, chunked,        false",
    "4194304, chunked,        true",
  })
  void answersTheNextRequestAfterARefusedPost(int size, String framing, boolean expect)
      throws Exception {
    assertThat(size).isIn(SMALL, LARGE);
    for (int round = 0; round < 3; round++) {
      try (Socket socket =
          new Socket(InetAddress.getLoopbackAddress(), proxy.management().getPort())) {
        socket.setSoTimeout(15_000);
        OutputStream out = socket.getOutputStream();
        InputStream in = socket.getInputStream();
        boolean chunked = framing.equals("chunked");
        String head =
            "POST /actuator/emergency HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Type: application/json\r\n"
                + (chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + size + "\r\n")
                + (expect ? "Expect: 100-continue\r\n" : "")
                + "\r\n";
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        // The body goes out while the answer is read, as a client does that does not wait; with
        // Expect, after the answer (the client then still sends it, to keep the connection).
        CompletableFuture<Void> body =
            expect ? null : CompletableFuture.runAsync(() -> writeBody(out, size, chunked));
        Response refused = RawHttp.read(in);
        if (expect) {
          assertThat(refused.status()).as("the final answer instead of 100").isNotEqualTo(100);
          body = CompletableFuture.runAsync(() -> writeBody(out, size, chunked));
        }
        assertThat(refused.status()).isEqualTo(401);
        boolean closing =
            refused.first("Connection").map(v -> v.equalsIgnoreCase("close")).orElse(false);
        try {
          body.get(15, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException closedByServer) {
          assertThat(closing).as("the body was cut off, so the 401 said close").isTrue();
        }
        if (closing) {
          assertThat(endOfConnection(in))
              .as("the connection ends after a 401 that says close")
              .isTrue();
          System.out.printf("%d bytes, %s, expect %s: 401 with close%n", size, framing, expect);
          continue;
        }
        out.write(
            "GET /actuator/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        Response next;
        try {
          next = RawHttp.read(in);
        } catch (SocketTimeoutException hang) {
          throw new AssertionError("the GET after the refused POST was never answered", hang);
        }
        assertThat(next.status()).isEqualTo(200);
        assertThat(next.bodyText()).contains("\"status\"");
        System.out.printf("%d bytes, %s, expect %s: kept alive, GET 200%n", size, framing, expect);
      }
    }
  }

  /**
   * Whether the server ended the connection: a FIN, or a reset when our body arrived after it had
   * closed (the kernel's answer to data for a closed socket). A timeout is a hang, not an end.
   */
  private static boolean endOfConnection(InputStream in) throws IOException {
    try {
      return in.read() == -1;
    } catch (SocketTimeoutException hang) {
      return false;
    } catch (java.net.SocketException reset) {
      return true;
    }
  }

  private static void writeBody(OutputStream out, int size, boolean chunked) {
    byte[] json = new byte[size];
    Arrays.fill(json, (byte) ' ');
    json[0] = '{';
    json[size - 1] = '}';
    try {
      if (chunked) {
        for (int offset = 0; offset < size; offset += 65536) {
          int length = Math.min(65536, size - offset);
          out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
          out.write(json, offset, length);
          out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
      } else {
        out.write(json);
      }
      out.flush();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
