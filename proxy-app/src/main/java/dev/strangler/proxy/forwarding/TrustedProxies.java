package dev.strangler.proxy.forwarding;

import java.net.InetAddress;
import java.util.List;

/** The proxies in front of this one whose forwarding headers may be believed. */
public final class TrustedProxies {

  private final List<AddressRange> ranges;

  private TrustedProxies(List<AddressRange> ranges) {
    this.ranges = ranges;
  }

  /** Parses each entry with {@link AddressRange#parse}. */
  public static TrustedProxies of(List<String> ranges) {
    return new TrustedProxies(ranges.stream().map(AddressRange::parse).toList());
  }

  /** Trusts nobody: every forwarding header from a client is replaced. */
  public static TrustedProxies none() {
    return new TrustedProxies(List.of());
  }

  public boolean trusts(InetAddress peer) {
    for (AddressRange range : ranges) {
      if (range.contains(peer)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return "TrustedProxies" + ranges;
  }
}
