package dev.strangler.proxy.edge.framing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.proxy.support.Proxy;
import dev.strangler.proxy.support.ScriptedUpstream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;

/**
 * An upstream that answers on the head alone, so its answer may be under way or complete when the
 * bad chunk is read: too late for a 400. The client gets that one answer, nothing pipelined behind
 * the bad body is served, and the connection ends instead of waiting for more.
 */
class MalformedBodyAfterAnswerIntegrationTest {

  private static ScriptedUpstream upstream;
  private static Proxy proxy;

  @BeforeAll
  static void start() throws Exception {
    upstream = ScriptedUpstream.answering("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
    proxy = Proxy.start(upstream.url());
  }

  @AfterAll
  static void stop() throws Exception {
    proxy.close();
    upstream.close();
  }

  @RepeatedTest(5)
  void theConnectionEndsAfterTheOneAnswer() throws Exception {
    RawClient.Answer answer =
        RawClient.send(
            proxy.port(),
            "POST /upload HTTP/1.1\r\nHost: shop.example\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5\r\nhello\r\nzz\r\n"
                + "GET /second HTTP/1.1\r\nHost: shop.example\r\n\r\n");

    assertThat(answer.closed()).as(answer.text()).isTrue();
    assertThat(answer.responses()).as(answer.text()).isEqualTo(1);
    assertThat(answer.status()).isIn(200, 400);
  }
}
