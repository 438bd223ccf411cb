package io.cxhub.survey.webhook;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Refuses webhook targets that would let a tenant reach the hub's own network (SSRF).
 *
 * <p>Every address a host resolves to is classified ({@link AddressClass}): link-local,
 * unspecified, IPv6 unique-local and site-local, multicast, reserved, documentation and cloud
 * metadata addresses are refused always, including in their IPv4-mapped, -compatible, NAT64
 * and 6to4 forms; loopback and private ranges only when the {@link Policy} allows them (the
 * one-jar run may allow loopback).
 *
 * <p>Checked when a subscription is created and again at connect time: the HTTP sender
 * resolves through {@link #checkedAddresses}, and connects only to the addresses that were
 * checked, so a name that resolves to another address between the check and the connection
 * (DNS rebinding) cannot reach a refused one.
 */
public final class TargetGuard {

  /** Resolves a host name to all its addresses. */
  @FunctionalInterface
  public interface Resolver {
    List<InetAddress> resolve(String host) throws UnknownHostException;
  }

  /**
   * What a deployment may call besides public addresses.
   *
   * @param allowLoopback 127.0.0.0/8 and ::1 (the one-jar run, whose receivers run on the same machine)
   * @param allowPrivate RFC 1918, carrier-grade NAT (100.64.0.0/10) and benchmarking (198.18.0.0/15)
   *     ranges (a hub inside a company network); never link-local, unique-local or metadata
   */
  public record Policy(boolean allowLoopback, boolean allowPrivate) {

    /** Public addresses only: the production default. */
    public static final Policy PUBLIC_ONLY = new Policy(false, false);

    boolean allows(AddressClass c) {
      return c == AddressClass.PUBLIC
          || (c == AddressClass.LOOPBACK && allowLoopback)
          || (c == AddressClass.PRIVATE && allowPrivate);
    }
  }

  /** The classes of address a target may resolve to. */
  public enum AddressClass {
    PUBLIC,
    LOOPBACK,
    PRIVATE,
    /** Link-local, unspecified, unique-local, multicast, reserved, documentation, cloud metadata. */
    FORBIDDEN
  }

  /** A host refused at connect time: the HTTP client sees it as a host that does not resolve. */
  public static final class RefusedTargetException extends UnknownHostException {
    RefusedTargetException(String message) {
      super(message);
    }
  }

  private final Policy policy;
  private final Resolver resolver;

  public TargetGuard(Policy policy, Resolver resolver) {
    this.policy = policy;
    this.resolver = resolver;
  }

  public static TargetGuard systemResolver(Policy policy) {
    return new TargetGuard(policy, host -> List.of(InetAddress.getAllByName(host)));
  }

  /** Why the URL may not be called, or empty when it may. */
  public Optional<String> refusal(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      return Optional.of("is not a valid URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http")) {
      return Optional.of("must be an http or https URL");
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      return Optional.of("must name a host");
    }
    if (uri.getUserInfo() != null) {
      return Optional.of("must not carry credentials");
    }
    try {
      checkedAddresses(uri.getHost());
      return Optional.empty();
    } catch (RefusedTargetException e) {
      return Optional.of(e.getMessage());
    } catch (UnknownHostException e) {
      return Optional.of("host does not resolve");
    }
  }

  /**
   * Resolves {@code host} and returns its addresses if every one may be called; the HTTP
   * client connects only to these.
   *
   * @throws RefusedTargetException if any address is refused (one bad address of several
   *     refuses the host: the client could pick it)
   * @throws UnknownHostException if the host does not resolve
   */
  public List<InetAddress> checkedAddresses(String host) throws UnknownHostException {
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    List<InetAddress> addresses = resolver.resolve(host);
    if (addresses == null || addresses.isEmpty()) {
      throw new UnknownHostException(host);
    }
    for (InetAddress address : addresses) {
      var c = classify(address);
      if (!policy.allows(c)) {
        throw new RefusedTargetException("resolves to a " + describe(c) + " address (" + address.getHostAddress()
            + "), which webhooks may not call");
      }
    }
    return List.copyOf(addresses);
  }

  private static String describe(AddressClass c) {
    return switch (c) {
      case LOOPBACK -> "loopback";
      case PRIVATE -> "private";
      case FORBIDDEN -> "link-local, unspecified, unique-local, multicast, reserved or metadata";
      case PUBLIC -> "public";
    };
  }

  /** The class of an address; IPv6 forms that embed an IPv4 address are judged by it. */
  public static AddressClass classify(InetAddress address) {
    byte[] b = address.getAddress();
    return address instanceof Inet4Address ? classifyV4(b, 0) : classifyV6(b);
  }

  private static AddressClass classifyV4(byte[] bytes, int at) {
    int a = bytes[at] & 0xff;
    int b = bytes[at + 1] & 0xff;
    int c = bytes[at + 2] & 0xff;
    int d = bytes[at + 3] & 0xff;
    if (a == 127) {
      return AddressClass.LOOPBACK;
    }
    if (a == 0 // unspecified, "this network"
        || (a == 169 && b == 254) // link-local, AWS/GCP/Azure/OpenStack metadata 169.254.169.254
        || (a == 100 && b == 100 && c == 100 && d == 200) // Alibaba Cloud metadata
        || (a == 168 && b == 63 && c == 129 && d == 16) // Azure wire server
        || (a == 192 && b == 0 && c == 0) // IETF protocol assignments
        || (a == 192 && b == 0 && c == 2) || (a == 198 && b == 51 && c == 100) || (a == 203 && b == 0 && c == 113)
        || a >= 224) { // multicast, reserved, broadcast
      return AddressClass.FORBIDDEN;
    }
    if (a == 10
        || (a == 172 && b >= 16 && b <= 31)
        || (a == 192 && b == 168)
        || (a == 100 && b >= 64 && b <= 127) // carrier-grade NAT
        || (a == 198 && (b == 18 || b == 19))) { // benchmarking
      return AddressClass.PRIVATE;
    }
    return AddressClass.PUBLIC;
  }

  private static AddressClass classifyV6(byte[] b) {
    boolean first10Zero = true;
    for (int i = 0; i < 10; i++) {
      first10Zero &= b[i] == 0;
    }
    if (first10Zero && b[10] == 0 && b[11] == 0) {
      boolean restZero = b[12] == 0 && b[13] == 0 && b[14] == 0;
      if (restZero && b[15] == 0) {
        return AddressClass.FORBIDDEN; // :: unspecified
      }
      if (restZero && b[15] == 1) {
        return AddressClass.LOOPBACK; // ::1
      }
      return classifyV4(b, 12); // IPv4-compatible ::a.b.c.d
    }
    if (first10Zero && b[10] == (byte) 0xff && b[11] == (byte) 0xff) {
      return classifyV4(b, 12); // IPv4-mapped ::ffff:a.b.c.d
    }
    int w0 = ((b[0] & 0xff) << 8) | (b[1] & 0xff);
    int w1 = ((b[2] & 0xff) << 8) | (b[3] & 0xff);
    if (w0 == 0x0064 && w1 == 0xff9b) {
      boolean wellKnown = true;
      for (int i = 4; i < 12; i++) {
        wellKnown &= b[i] == 0;
      }
      // 64:ff9b::/96 translates to the IPv4 address; 64:ff9b:1::/48 is for local use
      return wellKnown ? classifyV4(b, 12) : AddressClass.FORBIDDEN;
    }
    if (w0 == 0x2002) {
      return classifyV4(b, 2); // 6to4 embeds the IPv4 address
    }
    if ((w0 == 0x2001 && w1 == 0x0000) // Teredo: the IPv4 address is obfuscated; never a webhook
        || (w0 == 0x2001 && w1 == 0x0db8) // documentation
        || (w0 == 0x0100 && w1 == 0 && b[4] == 0 && b[5] == 0 && b[6] == 0 && b[7] == 0) // discard 100::/64
        || (b[0] & 0xfe) == 0xfc // unique-local fc00::/7 (AWS metadata fd00:ec2::254)
        || (b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0x80 // link-local fe80::/10
        || (b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0xc0 // site-local fec0::/10 (deprecated)
        || (b[0] & 0xff) == 0xff // multicast
        || (b[0] & 0xe0) != 0x20) { // outside global unicast 2000::/3: reserved
      return AddressClass.FORBIDDEN;
    }
    return AddressClass.PUBLIC;
  }
}
