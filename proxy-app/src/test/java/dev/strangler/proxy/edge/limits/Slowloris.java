package dev.strangler.proxy.edge.limits;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A bounded slowloris: connections that each send a request head one byte at a time and never
 * finish it, driven from one thread by {@link #trickle()}. Records, per connection, how long after
 * its first byte the server closed it.
 */
final class Slowloris implements AutoCloseable {

  private static final byte[] HEAD = "GET /".getBytes(StandardCharsets.ISO_8859_1);

  private final List<SocketChannel> channels = new ArrayList<>();
  private final long[] firstByteAt;
  private final long[] closedAt;
  private final int[] sent;
  private final ByteBuffer sink = ByteBuffer.allocate(4096);

  private Slowloris(int count) {
    firstByteAt = new long[count];
    closedAt = new long[count];
    sent = new int[count];
  }

  /** Opens {@code count} connections from {@code localAddress}, each sending its first byte. */
  static Slowloris open(int count, String localAddress, int port) throws IOException {
    Slowloris attack = new Slowloris(count);
    InetAddress local = InetAddress.getByName(localAddress);
    for (int i = 0; i < count; i++) {
      SocketChannel channel = SocketChannel.open();
      channel.bind(new InetSocketAddress(local, 0));
      channel.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      channel.configureBlocking(false);
      attack.channels.add(channel);
      attack.send(i);
    }
    return attack;
  }

  /** One round: a byte more on every open connection, and notice the ones the server closed. */
  synchronized void trickle() {
    for (int i = 0; i < channels.size(); i++) {
      if (closedAt[i] == 0) {
        send(i);
      }
      if (closedAt[i] == 0) {
        poll(i);
      }
    }
  }

  private void send(int i) {
    byte next = sent[i] < HEAD.length ? HEAD[sent[i]] : (byte) 'a';
    try {
      if (sent[i] == 0) {
        firstByteAt[i] = System.nanoTime(); // before the write: the server cannot start earlier
      }
      channels.get(i).write(ByteBuffer.wrap(new byte[] {next}));
      sent[i]++;
    } catch (IOException closed) {
      closedAt[i] = System.nanoTime();
    }
  }

  private void poll(int i) {
    try {
      int n;
      do {
        sink.clear();
        n = channels.get(i).read(sink);
      } while (n > 0);
      if (n < 0) {
        closedAt[i] = System.nanoTime();
      }
    } catch (IOException reset) {
      closedAt[i] = System.nanoTime();
    }
  }

  synchronized boolean allClosed() {
    for (long at : closedAt) {
      if (at == 0) {
        return false;
      }
    }
    return true;
  }

  /** For each closed connection, the time from its first byte to the close it noticed. */
  synchronized List<Duration> closedAfterFirstByte() {
    List<Duration> elapsed = new ArrayList<>();
    for (int i = 0; i < closedAt.length; i++) {
      if (closedAt[i] != 0) {
        elapsed.add(Duration.ofNanos(closedAt[i] - firstByteAt[i]));
      }
    }
    return elapsed;
  }

  @Override
  public synchronized void close() throws IOException {
    for (SocketChannel channel : channels) {
      channel.close();
    }
  }
}
