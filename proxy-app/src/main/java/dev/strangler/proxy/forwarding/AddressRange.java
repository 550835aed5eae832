package dev.strangler.proxy.forwarding;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Objects;
import java.util.regex.Pattern;

/** An IP address or CIDR range, parsed from numbers only: it never asks DNS. */
public final class AddressRange {

  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

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
   * Parses one IP address written as numbers, without asking DNS.
   *
   * @throws IllegalArgumentException when it is not a numeric address
   */
  public static InetAddress literal(String text) {
    try {
      return InetAddress.getByAddress(literalAddress(text.trim(), text));
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("not an IP address: '" + text + "'", e);
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
    boolean literal =
        address.contains(":") || (IPV4.matcher(address).matches() && octetsInRange(address));
    if (!literal) {
      throw new IllegalArgumentException("not an IP address or CIDR range: '" + original + "'");
    }
    try {
      // A literal (digits and dots, or containing ':') is parsed without a DNS lookup.
      return InetAddress.getByName(address).getAddress();
    } catch (UnknownHostException | SecurityException e) {
      throw new IllegalArgumentException("not an IP address or CIDR range: '" + original + "'", e);
    }
  }

  private static boolean octetsInRange(String ipv4) {
    for (String octet : ipv4.split("\\.")) {
      if (Integer.parseInt(octet) > 255) {
        return false;
      }
    }
    return true;
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
