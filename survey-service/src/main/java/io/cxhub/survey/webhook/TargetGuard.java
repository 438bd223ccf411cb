package io.cxhub.survey.webhook;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Refuses webhook targets that would let a tenant reach the hub's own network (SSRF):
 * every address the host resolves to must be public. Checked when a subscription is
 * created and again before every attempt, since DNS can change in between.
 */
public final class TargetGuard {

  /** Resolves a host name to all its addresses. */
  @FunctionalInterface
  public interface Resolver {
    List<InetAddress> resolve(String host) throws UnknownHostException;
  }

  private final boolean allowPrivateTargets;
  private final Resolver resolver;

  public TargetGuard(boolean allowPrivateTargets, Resolver resolver) {
    this.allowPrivateTargets = allowPrivateTargets;
    this.resolver = resolver;
  }

  public static TargetGuard systemResolver(boolean allowPrivateTargets) {
    return new TargetGuard(allowPrivateTargets, host -> List.of(InetAddress.getAllByName(host)));
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
    if (allowPrivateTargets) {
      return Optional.empty();
    }
    String host = uri.getHost();
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    List<InetAddress> addresses;
    try {
      addresses = resolver.resolve(host);
    } catch (UnknownHostException e) {
      return Optional.of("host does not resolve");
    }
    if (addresses.isEmpty()) {
      return Optional.of("host does not resolve");
    }
    for (InetAddress address : addresses) {
      if (isPrivate(address)) {
        return Optional.of("resolves to a loopback, private or link-local address (" + address.getHostAddress() + ")");
      }
    }
    return Optional.empty();
  }

  static boolean isPrivate(InetAddress a) {
    if (a.isLoopbackAddress() || a.isAnyLocalAddress() || a.isLinkLocalAddress()
        || a.isSiteLocalAddress() || a.isMulticastAddress()) {
      return true;
    }
    byte[] b = a.getAddress();
    if (a instanceof Inet6Address) {
      // unique-local fc00::/7
      if ((b[0] & 0xfe) == 0xfc) {
        return true;
      }
      // IPv4-mapped or -compatible addresses are judged as the IPv4 address
      boolean prefixZero = true;
      for (int i = 0; i < 10; i++) {
        prefixZero &= b[i] == 0;
      }
      if (prefixZero && ((b[10] == (byte) 0xff && b[11] == (byte) 0xff) || (b[10] == 0 && b[11] == 0))) {
        try {
          var v4 = InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]});
          return isPrivate(v4);
        } catch (UnknownHostException e) {
          return true;
        }
      }
      return false;
    }
    int first = b[0] & 0xff;
    int second = b[1] & 0xff;
    return first == 0 // "this network", 0.0.0.0/8
        || (first == 100 && second >= 64 && second <= 127) // carrier-grade NAT
        || (first == 169 && second == 254) // link-local, cloud metadata
        || (first == 198 && (second == 18 || second == 19)) // benchmarking
        || first >= 224; // multicast and reserved
  }
}
