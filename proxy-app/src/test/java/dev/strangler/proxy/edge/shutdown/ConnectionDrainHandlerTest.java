package dev.strangler.proxy.edge.shutdown;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The drain handler on a real Netty pipeline (an embedded channel, run on the test's thread): what
 * a connection does with the drain, before, during and after a request.
 */
class ConnectionDrainHandlerTest {

  private final DrainingConnections connections = new DrainingConnections();
  private final EmbeddedChannel channel = frozen(new ConnectionDrainHandler(connections));

  @Test
  void beforeTheDrainAnswersKeepTheConnectionOpenAndSayNothingOfClosing() {
    channel.writeInbound(request());
    HttpResponse head = respond(HttpResponseStatus.OK);

    assertThat(head.headers().contains(HttpHeaderNames.CONNECTION)).isFalse();
    assertThat(channel.isActive()).isTrue();
    assertThat(connections.openConnections()).isEqualTo(1);
  }

  @Test
  void aConnectionIdleForLongIsClosedWhenTheDrainStarts() throws Exception {
    channel.writeInbound(request());
    respond(HttpResponseStatus.OK);
    rest(ConnectionDrainHandler.IDLE_BEFORE_CLOSE);

    connections.startDraining();
    channel.runPendingTasks();

    assertThat(channel.isActive()).isFalse();
    assertThat(connections.awaitAllClosed(Duration.ofSeconds(1))).isTrue();
  }

  @Test
  void aConnectionJustUsedIsClosedOnceItHasBeenIdleForTheWholeGrace() {
    channel.writeInbound(request());
    respond(HttpResponseStatus.OK);

    connections.startDraining();
    channel.runPendingTasks();
    assertThat(channel.isActive()).as("open: its next request may be on the wire").isTrue();
    rest(ConnectionDrainHandler.IDLE_BEFORE_CLOSE.minusMillis(1));
    assertThat(channel.isActive()).isTrue();
    rest(Duration.ofMillis(1));

    assertThat(channel.isActive()).isFalse();
  }

  @Test
  void aRequestDuringTheGraceIsAnsweredWithConnectionCloseAndThenTheConnectionCloses() {
    channel.writeInbound(request());
    respond(HttpResponseStatus.OK);
    connections.startDraining();
    channel.runPendingTasks();

    channel.writeInbound(request());
    rest(ConnectionDrainHandler.IDLE_BEFORE_CLOSE);
    assertThat(channel.isActive()).as("open while the answer is owed").isTrue();
    HttpResponse answer = respond(HttpResponseStatus.OK);

    assertThat(answer.headers().get(HttpHeaderNames.CONNECTION)).isEqualTo("close");
    assertThat(channel.isActive()).isFalse();
  }

  @Test
  void aRequestInFlightIsAnsweredInFullWithConnectionCloseAndThenTheConnectionCloses()
      throws Exception {
    channel.writeInbound(request());
    connections.startDraining();
    channel.runPendingTasks();
    assertThat(channel.isActive()).as("open while the answer is owed").isTrue();

    HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
    head.headers().set(HttpHeaderNames.CONTENT_LENGTH, 0);
    channel.writeOutbound(head);
    assertThat(channel.isActive()).as("open between the answer's head and its end").isTrue();
    channel.writeOutbound(LastHttpContent.EMPTY_LAST_CONTENT);

    assertThat(head.headers().get(HttpHeaderNames.CONNECTION)).isEqualTo("close");
    assertThat(channel.isActive()).isFalse();
    assertThat(connections.awaitAllClosed(Duration.ofSeconds(1))).isTrue();
    releaseOutbound();
  }

  @Test
  void aContinueDoesNotCountAsTheAnswer() {
    channel.writeInbound(request());
    connections.startDraining();
    channel.runPendingTasks();

    HttpResponse interim = respond(HttpResponseStatus.CONTINUE);
    assertThat(interim.headers().contains(HttpHeaderNames.CONNECTION)).isFalse();
    assertThat(channel.isActive()).isTrue();

    respond(HttpResponseStatus.OK);
    assertThat(channel.isActive()).isFalse();
  }

  @Test
  void pipelinedRequestsKeepTheConnectionUntilTheLastIsAnswered() {
    channel.writeInbound(request());
    channel.writeInbound(request());
    connections.startDraining();
    channel.runPendingTasks();

    respond(HttpResponseStatus.OK);
    assertThat(channel.isActive()).isTrue();
    respond(HttpResponseStatus.OK);
    assertThat(channel.isActive()).isFalse();
  }

  @Test
  void aConnectionOpenedDuringTheDrainIsServedItsRequestWithConnectionClose() {
    connections.startDraining();
    EmbeddedChannel late = frozen(new ConnectionDrainHandler(connections));
    late.writeInbound(request());
    late.runPendingTasks();
    assertThat(late.isActive()).isTrue();

    HttpResponse answer =
        new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.NO_CONTENT);
    late.writeOutbound(answer);

    assertThat(answer.headers().get(HttpHeaderNames.CONNECTION)).isEqualTo("close");
    assertThat(late.isActive()).isFalse();
    late.finishAndReleaseAll();
  }

  @Test
  void aConnectionThatSendsNothingIsClosedAfterTheGrace() {
    connections.startDraining();
    EmbeddedChannel late = frozen(new ConnectionDrainHandler(connections));
    late.runPendingTasks();
    assertThat(late.isActive()).as("open: its first request may be on the wire").isTrue();

    late.advanceTimeBy(ConnectionDrainHandler.IDLE_BEFORE_CLOSE.toNanos(), TimeUnit.NANOSECONDS);
    late.runScheduledPendingTasks();

    assertThat(late.isActive()).isFalse();
  }

  private void rest(Duration idle) {
    channel.advanceTimeBy(idle.toNanos(), TimeUnit.NANOSECONDS);
    channel.runScheduledPendingTasks();
  }

  /** A channel whose clock moves only when the test says so. */
  private static EmbeddedChannel frozen(ConnectionDrainHandler handler) {
    EmbeddedChannel channel = new EmbeddedChannel();
    channel.freezeTime();
    channel.pipeline().addLast(handler);
    return channel;
  }

  private static DefaultFullHttpRequest request() {
    return new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/");
  }

  /** Writes a whole response (head and end in one message) and returns it. */
  private HttpResponse respond(HttpResponseStatus status) {
    DefaultFullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status);
    response.retain();
    channel.writeOutbound(response);
    releaseOutbound();
    HttpResponse seen = response;
    ReferenceCountUtil.release(response);
    return seen;
  }

  private void releaseOutbound() {
    Object message;
    while ((message = channel.readOutbound()) != null) {
      ReferenceCountUtil.release(message);
    }
    Object inbound;
    while ((inbound = channel.readInbound()) != null) {
      ReferenceCountUtil.release(inbound);
    }
  }
}
