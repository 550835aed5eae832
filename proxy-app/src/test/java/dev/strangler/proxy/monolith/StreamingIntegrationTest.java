package dev.strangler.proxy.monolith;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.proxy.support.Monolith;
import dev.strangler.proxy.support.ProxyProcess;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.List;
import java.util.zip.CRC32;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bodies stream through the proxy both ways: with a 128 MB heap, a 1 GiB download and a 200 MiB
 * upload pass unchanged. Buffering either whole would end in an OutOfMemoryError.
 */
class StreamingIntegrationTest {

  private static final long GIB = 1024L * 1024 * 1024;
  private static final long UPLOAD = 200L * 1024 * 1024;
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private static ProxyProcess.Started proxy;

  @BeforeAll
  static void start() {
    proxy =
        ProxyProcess.start(
            List.of("-Xmx128m", "-XX:+ExitOnOutOfMemoryError"), Monolith.shared().url());
  }

  @AfterAll
  static void stop() {
    proxy.close();
  }

  @Test
  void streamsAOneGibibyteDownloadThroughASmallHeap() throws Exception {
    HttpResponse<InputStream> response =
        CLIENT.send(
            HttpRequest.newBuilder(proxy.url().resolve("/api/files/download-chunked?sizeMb=1024"))
                .build(),
            BodyHandlers.ofInputStream());

    assertThat(response.statusCode()).isEqualTo(200);
    long[] counted = countAndCheckPattern(response.body());
    assertThat(counted[0]).isEqualTo(GIB);
    assertThat(counted[1]).as("first byte that broke the i %% 251 pattern").isEqualTo(-1);
    assertThat(proxy.process().process().isAlive()).isTrue();
  }

  @Test
  void streamsATwoHundredMebibyteUploadThroughASmallHeap() throws Exception {
    CRC32 expected = new CRC32();
    try (InputStream pattern = new PatternStream(UPLOAD)) {
      byte[] buffer = new byte[64 * 1024];
      for (int n; (n = pattern.read(buffer)) > 0; ) {
        expected.update(buffer, 0, n);
      }
    }

    HttpResponse<String> response =
        CLIENT.send(
            HttpRequest.newBuilder(proxy.url().resolve("/api/files/upload"))
                .header("Content-Type", "application/octet-stream")
                .POST(
                    BodyPublishers.fromPublisher(
                        BodyPublishers.ofInputStream(() -> new PatternStream(UPLOAD)), UPLOAD))
                .build(),
            BodyHandlers.ofString());

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.body())
        .contains("\"bytes\":" + UPLOAD)
        .containsIgnoringCase(Long.toHexString(expected.getValue()));
    assertThat(proxy.process().process().isAlive()).isTrue();
  }

  /** Returns {bytes read, index of the first byte off the pattern or -1}. */
  private static long[] countAndCheckPattern(InputStream body) throws IOException {
    try (body) {
      byte[] buffer = new byte[64 * 1024];
      long index = 0;
      long mismatch = -1;
      for (int n; (n = body.read(buffer)) > 0; ) {
        for (int i = 0; i < n && mismatch < 0; i++) {
          if ((buffer[i] & 0xFF) != (index + i) % 251) {
            mismatch = index + i;
          }
        }
        index += n;
      }
      return new long[] {index, mismatch};
    }
  }

  /** {@code size} bytes of the monolith's download pattern, made on the fly. */
  private static final class PatternStream extends InputStream {
    private final long size;
    private long position;

    PatternStream(long size) {
      this.size = size;
    }

    @Override
    public int read() {
      return position < size ? (int) (position++ % 251) : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (position >= size) {
        return -1;
      }
      int n = (int) Math.min(len, size - position);
      for (int i = 0; i < n; i++) {
        b[off + i] = (byte) ((position + i) % 251);
      }
      position += n;
      return n;
    }
  }
}
