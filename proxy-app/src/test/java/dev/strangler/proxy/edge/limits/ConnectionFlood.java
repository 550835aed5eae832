package dev.strangler.proxy.edge.limits;

import java.io.ByteArrayOutputStream;
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
 * A bounded flood from one client address: a fixed number of connections opened at once, each
 * sending a request head a byte at a time and never finishing it, driven from one thread by {@link
 * #trickle()}. Records, per connection, what the server sent before it closed, and when.
 */
final class ConnectionFlood implements AutoCloseable {

  private static final byte[] HEAD = "GET /flood".getBytes(StandardCharsets.ISO_8859_1);
  private static final int KEPT = 512;

  /** How a connection of the flood ended, as its client saw it. */
  record Ended(String received, Duration afterFirstByte) {
    boolean answered(int status) {
      return received.startsWith("HTTP/1.1 " + status + " ");
    }
  }

  private final List<SocketChannel> channels = new ArrayList<>();
  private final List<ByteArrayOutputStream> received = new ArrayList<>();
  private final long[] firstByteAt;
  private final long[] closedAt;
  private final int[] sent;
  private final ByteBuffer sink = ByteBuffer.allocate(4096);

  private ConnectionFlood(int count) {
    firstByteAt = new long[count];
    closedAt = new long[count];
    sent = new int[count];
  }

  /** Opens {@code count} connections from {@code localAddress}, each sending its first byte. */
  static ConnectionFlood open(int count, String localAddress, int port) throws IOException {
    ConnectionFlood flood = new ConnectionFlood(count);
    InetAddress local = InetAddress.getByName(localAddress);
    synchronized (flood) {
      for (int i = 0; i < count; i++) {
        SocketChannel channel = SocketChannel.open();
        channel.bind(new InetSocketAddress(local, 0));
        // Loopback: the kernel completes the handshake even when the server does not accept.
        channel.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        channel.configureBlocking(false);
        flood.channels.add(channel);
        flood.received.add(new ByteArrayOutputStream());
        flood.send(i);
      }
    }
    return flood;
  }

  /** One round: read what each open connection was sent, then a byte more on it. */
  synchronized void trickle() {
    for (int i = 0; i < channels.size(); i++) {
      if (closedAt[i] == 0) {
        poll(i); // first: a write to a closed connection would reset it and lose its answer
      }
      if (closedAt[i] == 0) {
        send(i);
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
      ended(i);
    }
  }

  private void poll(int i) {
    try {
      int n;
      do {
        sink.clear();
        n = channels.get(i).read(sink);
        ByteArrayOutputStream kept = received.get(i);
        if (n > 0 && kept.size() < KEPT) {
          kept.write(sink.array(), 0, Math.min(n, KEPT - kept.size()));
        }
      } while (n > 0);
      if (n < 0) {
        ended(i);
      }
    } catch (IOException reset) {
      ended(i);
    }
  }

  private void ended(int i) {
    closedAt[i] = System.nanoTime();
    try {
      channels
          .get(i)
          .close(); // the client lets go at once: nothing is held past the server's close
    } catch (IOException ignored) {
      // closed already
    }
  }

  synchronized int stillOpen() {
    int open = 0;
    for (long at : closedAt) {
      if (at == 0) {
        open++;
      }
    }
    return open;
  }

  /** Every connection the server closed, with what it sent first. */
  synchronized List<Ended> ended() {
    List<Ended> ended = new ArrayList<>();
    for (int i = 0; i < closedAt.length; i++) {
      if (closedAt[i] != 0) {
        ended.add(
            new Ended(
                received.get(i).toString(StandardCharsets.ISO_8859_1),
                Duration.ofNanos(closedAt[i] - firstByteAt[i])));
      }
    }
    return ended;
  }

  @Override
  public synchronized void close() throws IOException {
    for (SocketChannel channel : channels) {
      channel.close();
    }
  }
}
