package dev.strangler.proxy.lambda.event;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Requests for tests: fixed id, time and client unless a test says otherwise. */
final class TestRequests {

  static final Instant TIME = Instant.parse("2024-09-05T08:07:06.123Z");

  private TestRequests() {}

  static Builder request(String method, String path) {
    return new Builder(method, path);
  }

  static final class Builder {
    private final String method;
    private final String path;
    private String rawQuery;
    private final List<HeaderField> headers = new ArrayList<>();
    private byte[] body = new byte[0];
    private String sourceIp = "203.0.113.7";
    private String protocol = "HTTP/1.1";
    private String requestId = "req-1";
    private Instant time = TIME;

    private Builder(String method, String path) {
      this.method = method;
      this.path = path;
    }

    Builder query(String rawQuery) {
      this.rawQuery = rawQuery;
      return this;
    }

    Builder header(String name, String value) {
      headers.add(new HeaderField(name, value));
      return this;
    }

    Builder body(byte[] body) {
      this.body = body;
      return this;
    }

    Builder body(String body) {
      return body(body.getBytes(StandardCharsets.UTF_8));
    }

    Builder sourceIp(String sourceIp) {
      this.sourceIp = sourceIp;
      return this;
    }

    Builder protocol(String protocol) {
      this.protocol = protocol;
      return this;
    }

    Builder requestId(String requestId) {
      this.requestId = requestId;
      return this;
    }

    Builder time(Instant time) {
      this.time = time;
      return this;
    }

    HttpRequestSnapshot build() {
      return new HttpRequestSnapshot(
          method, path, rawQuery, headers, body, sourceIp, protocol, requestId, time);
    }
  }
}
