package dev.strangler.proxy.forwarding;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Objects;

/**
 * An IP address or CIDR range, parsed from numbers only by {@link IpLiteral}: it never asks DNS.
 */
public final class AddressRange {

  private final String text;
  private final byte[] network;
  private final int prefixLength;

  private AddressRange(String text, byte[] network, int prefixLength) {
    this.text = text;
    this.network = network;
    this.prefixLength = prefixLength;
  }

  /**
   * Parses {@code 10.0.0.0/8}, {@code 127.0.0.1}, {@code ::1} or {@code fd00::/8}.
   *
   * @throws IllegalArgumentException naming the bad value
   */
  public static AddressRange parse(String text) {
    Objects.requireNonNull(text, "text");
    String trimmed = text.trim();
    int slash = trimmed.indexOf('/');
    String address = slash < 0 ? trimmed : trimmed.substring(0, slash);
    byte[] bytes = literalAddress(address, text);
    int maxPrefix = bytes.length * 8;
    int prefix =
        slash < 0 ? maxPrefix : prefixLength(trimmed.substring(slash + 1), maxPrefix, text);
    return new AddressRange(trimmed, mask(bytes, prefix), prefix);
  }

  /**
   * One hop of a forwarding chain as an address ({@code 10.0.0.1}, {@code 10.0.0.1:4711}, {@code
   * [::1]:4711}, {@code fe80::1%eth0}), or {@code null} when it is not one ({@code unknown}, a
   * name, garbage). Never asks DNS and never throws: hops come from clients, per request.
   */
  public static InetAddress hop(String text) {
    byte[] bytes = IpLiteral.hop(text);
    if (bytes == null) {
      return null;
    }
    try {
      return InetAddress.getByAddress(null, bytes); // builds the address, looks up nothing
    } catch (UnknownHostException impossible) {
      throw new IllegalStateException("an address of " + bytes.length + " bytes", impossible);
    }
  }

  /** Whether the address lies in this range; IPv4 and IPv6 ranges never match each other. */
  public boolean contains(InetAddress address) {
    byte[] candidate = address.getAddress();
    return candidate.length == network.length
        && Arrays.equals(mask(candidate, prefixLength), network);
  }

  @Override
  public String toString() {
    return text;
  }

  private static byte[] literalAddress(String address, String original) {
    byte[] bytes = IpLiteral.address(address);
    if (bytes == null) {
      throw new IllegalArgumentException("not an IP address or CIDR range: '" + original + "'");
    }
    return bytes;
  }

  private static int prefixLength(String digits, int max, String original) {
    try {
      int prefix = Integer.parseInt(digits);
      if (prefix >= 0 && prefix <= max) {
        return prefix;
      }
    } catch (NumberFormatException ignored) {
      // reported below with the whole value
    }
    throw new IllegalArgumentException(
        "CIDR prefix must be between 0 and " + max + ", but was '" + original + "'");
  }

  private static byte[] mask(byte[] address, int prefix) {
    byte[] masked = new byte[address.length];
    for (int i = 0; i < address.length; i++) {
      int bits = Math.max(0, Math.min(8, prefix - i * 8));
      masked[i] = (byte) (address[i] & (0xFF << (8 - bits)));
    }
    return masked;
  }
}
