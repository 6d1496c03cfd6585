package io.pathtrack.results.mllp;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

/**
 * The addresses MLLP connections may come from: CIDR blocks ({@code 10.0.0.0/8}, {@code 192.0.2.7/32},
 * {@code 2001:db8::/32}; a bare address is the block of that one address). No block means any address.
 * An IPv4 client seen through an IPv6 socket ({@code ::ffff:10.1.2.3}) is matched as the IPv4 address.
 * (Tomcat's {@code NetMask} does the same, but the MLLP listener must not depend on the HTTP server.)
 */
final class AllowedSources {
  private final List<Block> blocks;

  private AllowedSources(List<Block> blocks) {
    this.blocks = blocks;
  }

  /**
   * @param cidrs the blocks as configured
   * @throws IllegalArgumentException naming a block that is not an IP address with an optional prefix length
   */
  static AllowedSources of(List<String> cidrs) {
    return new AllowedSources(cidrs.stream().map(Block::parse).toList());
  }

  boolean anyAllowed() {
    return blocks.isEmpty();
  }

  boolean allows(InetAddress address) {
    if (blocks.isEmpty()) {
      return true;
    }
    byte[] bytes = comparable(address);
    return blocks.stream().anyMatch(block -> block.contains(bytes));
  }

  @Override
  public String toString() {
    return blocks.isEmpty() ? "any" : String.join(", ", blocks.stream().map(Block::text).toList());
  }

  /** IPv4-mapped IPv6 addresses as the IPv4 address they carry. */
  private static byte[] comparable(InetAddress address) {
    byte[] bytes = address.getAddress();
    if (address instanceof Inet6Address && bytes.length == 16 && isIpv4Mapped(bytes)) {
      return Arrays.copyOfRange(bytes, 12, 16);
    }
    return bytes;
  }

  private static boolean isIpv4Mapped(byte[] bytes) {
    for (int i = 0; i < 10; i++) {
      if (bytes[i] != 0) {
        return false;
      }
    }
    return bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
  }

  private record Block(String text, byte[] network, int prefix) {

    static Block parse(String cidr) {
      String text = cidr.strip();
      int slash = text.indexOf('/');
      String host = slash < 0 ? text : text.substring(0, slash);
      // only literal addresses: a host name here would be looked up in DNS
      boolean ipv4 = host.split("\\.", -1).length == 4 && Arrays.stream(host.split("\\.", -1))
          .allMatch(part -> part.matches("\\d{1,3}") && Integer.parseInt(part) <= 255);
      if (!ipv4 && host.indexOf(':') < 0) {
        throw invalid(cidr);
      }
      byte[] network;
      try {
        InetAddress address = InetAddress.getByName(host);
        network = address instanceof Inet4Address ? address.getAddress() : comparable(address);
      } catch (UnknownHostException e) {
        throw invalid(cidr);
      }
      int bits = network.length * 8;
      int prefix;
      try {
        prefix = slash < 0 ? bits : Integer.parseInt(text.substring(slash + 1));
      } catch (NumberFormatException e) {
        throw invalid(cidr);
      }
      if (prefix < 0 || prefix > bits) {
        throw invalid(cidr);
      }
      return new Block(text, network, prefix);
    }

    boolean contains(byte[] address) {
      if (address.length != network.length) {
        return false;
      }
      int whole = prefix / 8;
      for (int i = 0; i < whole; i++) {
        if (address[i] != network[i]) {
          return false;
        }
      }
      int rest = prefix % 8;
      if (rest == 0) {
        return true;
      }
      int mask = 0xff << (8 - rest) & 0xff;
      return (address[whole] & mask) == (network[whole] & mask);
    }

    private static IllegalArgumentException invalid(String cidr) {
      return new IllegalArgumentException("pathtrack.results.mllp.allowed-sources: '" + cidr
          + "' is not an IP address or a CIDR block such as 10.0.0.0/8");
    }
  }
}
