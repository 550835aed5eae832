package dev.strangler.demo.monolith;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Random;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class FileApiTests extends HttpTestSupport {

  private HttpResponse<byte[]> getBytes(String pathAndQuery) {
    return send(request(pathAndQuery).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static void assertPattern(byte[] body, int expectedLength) {
    assertThat(body).hasSize(expectedLength);
    for (int i = 0; i < body.length; i++) {
      if (body[i] != (byte) (i % 251)) {
        throw new AssertionError("byte " + i + " is " + body[i] + ", expected " + (i % 251));
      }
    }
  }

  @Test
  void downloadHasContentLengthAndDeterministicPattern() {
    var response = getBytes("/api/files/download?sizeBytes=100000");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(header(response, "Content-Type")).isEqualTo("application/octet-stream");
    assertThat(header(response, "Content-Length")).isEqualTo("100000");
    assertPattern(response.body(), 100_000);
  }

  @Test
  void downloadBySizeMbSendsWholeMebibytes() {
    var response = getBytes("/api/files/download?sizeMb=1");

    assertThat(header(response, "Content-Length")).isEqualTo("1048576");
    assertPattern(response.body(), 1_048_576);
  }

  @Test
  void chunkedDownloadHasNoContentLengthEvenWhenSmall() {
    var response = getBytes("/api/files/download-chunked?sizeBytes=1000");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Length")).isEmpty();
    assertThat(header(response, "Transfer-Encoding")).isEqualTo("chunked");
    assertPattern(response.body(), 1000);
  }

  @Test
  void headOnLargestDownloadReportsLengthWithoutBody() {
    var response =
        send(
            request("/api/files/download?sizeMb=2048")
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(header(response, "Content-Length")).isEqualTo("2147483648");
    assertThat(response.body()).isEmpty();
  }

  @Test
  void rejectsMissingAmbiguousOrOutOfRangeSizes() {
    assertProblem(get("/api/files/download"), 400);
    assertProblem(get("/api/files/download?sizeMb=1&sizeBytes=1"), 400);
    assertProblem(get("/api/files/download?sizeMb=0"), 400);
    assertProblem(get("/api/files/download?sizeMb=2049"), 400);
    assertProblem(get("/api/files/download-chunked?sizeBytes=-1"), 400);
  }

  @Test
  void uploadReportsByteCountAndCrc32() {
    byte[] body = new byte[3 * 1024 * 1024 + 17];
    new Random(42).nextBytes(body);
    CRC32 crc = new CRC32();
    crc.update(body);

    var response =
        send(
            request("/api/files/upload")
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build());

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode result = json(response);
    assertThat(result.path("bytes").asLong()).isEqualTo(body.length);
    assertThat(result.path("crc32").asString()).isEqualTo(String.format("%08x", crc.getValue()));
  }

  @Test
  void uploadStreamsChunkedBodyWithoutContentLength() {
    long size = 64L * 1024 * 1024;
    CRC32 expected = new CRC32();
    try (InputStream in = new PatternStream(size)) {
      byte[] buffer = new byte[64 * 1024];
      int n;
      while ((n = in.read(buffer)) != -1) {
        expected.update(buffer, 0, n);
      }
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }

    // ofInputStream has no known length, so the JDK client sends it chunked.
    var response =
        send(
            request("/api/files/upload")
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new PatternStream(size)))
                .build());

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode result = json(response);
    assertThat(result.path("bytes").asLong()).isEqualTo(size);
    assertThat(result.path("crc32").asString())
        .isEqualTo(String.format("%08x", expected.getValue()));
  }

  /** Generates bytes on the fly, so a large body costs no memory in the test either. */
  private static final class PatternStream extends InputStream {
    private final long length;
    private long position;

    PatternStream(long length) {
      this.length = length;
    }

    @Override
    public int read() {
      return position < length ? (int) ((position++ * 31) % 253) : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (position >= length) {
        return -1;
      }
      int n = (int) Math.min(len, length - position);
      for (int i = 0; i < n; i++) {
        b[off + i] = (byte) ((position++ * 31) % 253);
      }
      return n;
    }
  }
}
