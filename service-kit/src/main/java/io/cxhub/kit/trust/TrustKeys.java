package io.cxhub.kit.trust;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The keys of service-to-service trust: this process's signing key (EC P-256) and the
 * public keys it trusts, each bound to the principal that owns it. A key's id ({@code kid})
 * is {@code <principal>:<thumbprint>}, so a token names its signer and the verifier checks
 * that the key belongs to the principal the token claims.
 *
 * <p>Two sources: PEM files ({@link #fromFiles}: a Kubernetes or Compose secret), or
 * ephemeral keys generated in memory ({@link #ephemeral}) and trusted by every context of
 * the same JVM, for the one-jar run and the tests.
 */
public abstract sealed class TrustKeys {

  /** What may name a principal: a deployable's name such as {@code survey-service}. */
  public static final Pattern PRINCIPAL = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

  private static final Pattern PEM = Pattern.compile(
      "-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

  /** A trusted public key and the principal it belongs to. */
  public record TrustedKey(String principal, ECPublicKey key) {}

  /** The signing key, with its public half and its key id. */
  public abstract ECKey signingKey();

  public abstract String principal();

  /** The trusted key of that id, if any. */
  public abstract Optional<TrustedKey> trusted(String keyId);

  /** The number of trusted keys (for the start-up log). */
  public abstract int trustedCount();

  public abstract boolean isEphemeral();

  /**
   * Keys generated in memory for {@code principal} (one per principal and JVM), trusting
   * every ephemeral key of this JVM: the contexts of one process trust each other, nothing
   * outside it can sign.
   */
  public static TrustKeys ephemeral(String principal) {
    return ephemeral(principal, List.of());
  }

  /**
   * {@link #ephemeral(String)}, also trusting the public keys of {@code trusted} (as in
   * {@link #fromFiles}): lets a tool outside the JVM (a benchmark, an operator's client)
   * call the services of a one-jar run with a key of its own.
   */
  public static TrustKeys ephemeral(String principal, List<Path> trusted) {
    requirePrincipal(principal);
    return new Ephemeral(principal, Ephemeral.KEYS.computeIfAbsent(principal, Ephemeral::generate),
        publicKeys(trusted));
  }

  /**
   * Keys from files.
   *
   * @param signingKey a PEM file holding this principal's private key ({@code PRIVATE KEY},
   *     PKCS#8, EC P-256) followed by its public key ({@code PUBLIC KEY})
   * @param trusted PEM files of trusted public keys, or folders of them ({@code *.pem}); a
   *     file's name up to its first dot names the principal that owns the key, e.g.
   *     {@code gateway.pem}, {@code gateway.2027.pem} (several keys per principal during a
   *     rotation)
   */
  public static TrustKeys fromFiles(String principal, Path signingKey, List<Path> trusted) {
    requirePrincipal(principal);
    Map<String, String> blocks = pemBlocks(read(signingKey));
    if (!blocks.containsKey("PRIVATE KEY") || !blocks.containsKey("PUBLIC KEY")) {
      throw new IllegalArgumentException(signingKey + " must hold a PRIVATE KEY (PKCS#8) and its PUBLIC KEY in PEM");
    }
    ECPublicKey publicKey = publicKey(blocks.get("PUBLIC KEY"), signingKey);
    ECPrivateKey privateKey = privateKey(blocks.get("PRIVATE KEY"), signingKey);
    requirePair(privateKey, publicKey, signingKey);
    ECKey signing = withKeyId(principal, new ECKey.Builder(Curve.P_256, publicKey).privateKey(privateKey).build());
    return new FromFiles(principal, signing, publicKeys(trusted));
  }

  private static Map<String, TrustedKey> publicKeys(List<Path> trusted) {
    var keys = new LinkedHashMap<String, TrustedKey>();
    for (Path path : expand(trusted)) {
      String owner = path.getFileName().toString().split("\\.", 2)[0];
      requirePrincipal(owner);
      String pem = pemBlocks(read(path)).get("PUBLIC KEY");
      if (pem == null) {
        throw new IllegalArgumentException(path + " holds no PUBLIC KEY in PEM");
      }
      ECPublicKey key = publicKey(pem, path);
      keys.put(keyId(owner, key), new TrustedKey(owner, key));
    }
    return keys;
  }

  /**
   * Generates a new EC P-256 key pair in the files {@link #fromFiles} reads: {@code
   * signingKey} (PRIVATE KEY then PUBLIC KEY, owner-readable only where the file system
   * allows) and {@code publicKey} (PUBLIC KEY; name it {@code <principal>.pem} for the peers
   * that trust it). The same files as {@code deploy/trust/generate-keys.sh} writes with openssl.
   */
  public static void generateKeyPair(Path signingKey, Path publicKey) {
    try {
      var generator = java.security.KeyPairGenerator.getInstance("EC");
      generator.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));
      var pair = generator.generateKeyPair();
      String publicPem = pem("PUBLIC KEY", pair.getPublic().getEncoded());
      for (Path file : List.of(signingKey, publicKey)) {
        if (file.getParent() != null) {
          Files.createDirectories(file.getParent());
        }
      }
      Files.writeString(signingKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()) + publicPem,
          StandardCharsets.US_ASCII);
      try {
        Files.setPosixFilePermissions(signingKey, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException ignored) {
        // not a POSIX file system
      }
      Files.writeString(publicKey, publicPem, StandardCharsets.US_ASCII);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot generate an EC P-256 key pair", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END " + type + "-----\n";
  }

  static String keyId(String principal, ECPublicKey key) {
    try {
      return principal + ":" + new ECKey.Builder(Curve.P_256, key).build().computeThumbprint().toString().substring(0, 16);
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ECKey withKeyId(String principal, ECKey key) {
    try {
      return new ECKey.Builder(key).keyID(keyId(principal, key.toECPublicKey())).build();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void requirePrincipal(String principal) {
    if (principal == null || !PRINCIPAL.matcher(principal).matches()) {
      throw new IllegalArgumentException("not a principal name: '" + principal + "'");
    }
  }

  private static List<Path> expand(List<Path> paths) {
    var files = new ArrayList<Path>();
    for (Path path : paths) {
      if (Files.isDirectory(path)) {
        try (Stream<Path> entries = Files.list(path)) {
          // a mounted Kubernetes Secret also holds '..data' links: only the *.pem entries count
          entries.filter(p -> !p.getFileName().toString().startsWith("."))
              .filter(p -> p.getFileName().toString().endsWith(".pem"))
              .sorted().forEach(files::add);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      } else {
        files.add(path);
      }
    }
    return files;
  }

  private static String read(Path path) {
    try {
      return Files.readString(path, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read key file " + path, e);
    }
  }

  static Map<String, String> pemBlocks(String text) {
    var blocks = new LinkedHashMap<String, String>();
    Matcher matcher = PEM.matcher(text);
    while (matcher.find()) {
      blocks.putIfAbsent(matcher.group(1), matcher.group(2).replaceAll("\\s", ""));
    }
    return blocks;
  }

  private static ECPublicKey publicKey(String base64, Path source) {
    try {
      var key = KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
      ECPublicKey ec = (ECPublicKey) key;
      if (!Curve.forECParameterSpec(ec.getParams()).equals(Curve.P_256)) {
        throw new IllegalArgumentException(source + ": the key must be on the P-256 curve");
      }
      return ec;
    } catch (GeneralSecurityException | ClassCastException | NullPointerException e) {
      throw new IllegalArgumentException(source + ": not an EC P-256 public key", e);
    }
  }

  /** A private key with someone else's public key would sign tokens nobody can verify: fail at start. */
  private static void requirePair(ECPrivateKey privateKey, ECPublicKey publicKey, Path source) {
    try {
      byte[] probe = "cx-hub key pair probe".getBytes(StandardCharsets.US_ASCII);
      var signer = java.security.Signature.getInstance("SHA256withECDSA");
      signer.initSign(privateKey);
      signer.update(probe);
      byte[] signature = signer.sign();
      var verifier = java.security.Signature.getInstance("SHA256withECDSA");
      verifier.initVerify(publicKey);
      verifier.update(probe);
      if (!verifier.verify(signature)) {
        throw new IllegalArgumentException(source + ": the PUBLIC KEY is not the public half of the PRIVATE KEY");
      }
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException(source + ": unusable key pair", e);
    }
  }

  private static ECPrivateKey privateKey(String base64, Path source) {
    try {
      return (ECPrivateKey) KeyFactory.getInstance("EC")
          .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    } catch (GeneralSecurityException | ClassCastException e) {
      throw new IllegalArgumentException(source + ": not an EC private key in PKCS#8", e);
    }
  }

  private static final class Ephemeral extends TrustKeys {
    static final Map<String, ECKey> KEYS = new ConcurrentHashMap<>();

    private final String principal;
    private final ECKey key;
    private final Map<String, TrustedKey> extra;

    Ephemeral(String principal, ECKey key, Map<String, TrustedKey> extra) {
      this.principal = principal;
      this.key = key;
      this.extra = Map.copyOf(extra);
    }

    static ECKey generate(String principal) {
      try {
        return withKeyId(principal, new ECKeyGenerator(Curve.P_256).generate());
      } catch (JOSEException e) {
        throw new IllegalStateException("cannot generate an EC P-256 key", e);
      }
    }

    @Override
    public ECKey signingKey() {
      return key;
    }

    @Override
    public String principal() {
      return principal;
    }

    @Override
    public Optional<TrustedKey> trusted(String keyId) {
      if (keyId == null) {
        return Optional.empty();
      }
      if (extra.containsKey(keyId)) {
        return Optional.of(extra.get(keyId));
      }
      String owner = keyId.split(":", 2)[0];
      ECKey candidate = KEYS.get(owner);
      if (candidate == null || !keyId.equals(candidate.getKeyID())) {
        return Optional.empty();
      }
      try {
        return Optional.of(new TrustedKey(owner, candidate.toECPublicKey()));
      } catch (JOSEException e) {
        return Optional.empty();
      }
    }

    @Override
    public int trustedCount() {
      return KEYS.size() + extra.size();
    }

    @Override
    public boolean isEphemeral() {
      return true;
    }
  }

  private static final class FromFiles extends TrustKeys {
    private final String principal;
    private final ECKey signing;
    private final Map<String, TrustedKey> trusted;

    FromFiles(String principal, ECKey signing, Map<String, TrustedKey> trusted) {
      this.principal = principal;
      this.signing = signing;
      this.trusted = Map.copyOf(trusted);
    }

    @Override
    public ECKey signingKey() {
      return signing;
    }

    @Override
    public String principal() {
      return principal;
    }

    @Override
    public Optional<TrustedKey> trusted(String keyId) {
      return keyId == null ? Optional.empty() : Optional.ofNullable(trusted.get(keyId));
    }

    @Override
    public int trustedCount() {
      return trusted.size();
    }

    @Override
    public boolean isEphemeral() {
      return false;
    }
  }
}
