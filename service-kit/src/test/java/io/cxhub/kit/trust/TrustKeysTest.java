package io.cxhub.kit.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keys from PEM files, as a Kubernetes Secret or a Compose secret mounts them. */
class TrustKeysTest {

  @TempDir
  Path dir;

  private static KeyPair pair() throws Exception {
    var generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    return generator.generateKeyPair();
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
        + "\n-----END " + type + "-----\n";
  }

  private Path signingFile(String name, KeyPair pair) throws Exception {
    return Files.writeString(dir.resolve(name), pem("PRIVATE KEY", pair.getPrivate().getEncoded())
        + pem("PUBLIC KEY", pair.getPublic().getEncoded()));
  }

  private Path publicFile(Path folder, String name, KeyPair pair) throws Exception {
    Files.createDirectories(folder);
    return Files.writeString(folder.resolve(name), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
  }

  @Test
  void aTokenSignedWithFileKeysIsTrustedByAPeerThatListsThePublicKey() throws Exception {
    KeyPair gateway = pair();
    KeyPair survey = pair();
    KeyPair nextGateway = pair();
    Path trusted = dir.resolve("trusted");
    publicFile(trusted, "gateway.pem", gateway);
    publicFile(trusted, "gateway.next.pem", nextGateway);   // a rotation in progress
    publicFile(trusted, "survey-service.pem", survey);
    Files.createDirectories(trusted.resolve("..data"));      // what a mounted Secret also holds

    var signer = new CallerTokens(TrustKeys.fromFiles("gateway", signingFile("gateway-key.pem", nextGateway),
        List.of(trusted)));
    var verifier = new CallerTokens(TrustKeys.fromFiles("survey-service", signingFile("survey-key.pem", survey),
        List.of(trusted)));
    assertThat(verifier.keys().trustedCount()).isEqualTo(3);

    String token = signer.mint(CallerToken.builder().audience("cx.survey.v1.SurveyService").tenant("acme"));
    CallerToken claims = verifier.verify(token, "cx.survey.v1.SurveyService");
    assertThat(claims.principal()).isEqualTo("gateway");
    assertThat(claims.tenant()).contains("acme");
  }

  @Test
  void aKeyOfOnePrincipalCannotSpeakForAnother() throws Exception {
    KeyPair survey = pair();
    Path trusted = dir.resolve("trusted");
    publicFile(trusted, "survey-service.pem", survey);
    // survey-service's key pair, configured under the gateway's name
    var impostor = new CallerTokens(TrustKeys.fromFiles("gateway", signingFile("k.pem", survey), List.of(trusted)));
    String token = impostor.mint(CallerToken.builder().audience("cx.survey.v1.SurveyService").tenant("acme"));
    var verifier = new CallerTokens(TrustKeys.fromFiles("survey-service", signingFile("s.pem", survey), List.of(trusted)));
    assertThatThrownBy(() -> verifier.verify(token, "cx.survey.v1.SurveyService"))
        .isInstanceOf(InvalidCallerTokenException.class);
  }

  @Test
  void refusesAPrivateKeyWithAnotherKeysPublicHalf() throws Exception {
    KeyPair one = pair();
    KeyPair other = pair();
    Path mixed = Files.writeString(dir.resolve("mixed.pem"), pem("PRIVATE KEY", one.getPrivate().getEncoded())
        + pem("PUBLIC KEY", other.getPublic().getEncoded()));
    assertThatThrownBy(() -> TrustKeys.fromFiles("gateway", mixed, List.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("public half");
  }

  @Test
  void aTokenOfAKeyNoLongerTrustedIsRefused() throws Exception {
    KeyPair old = pair();
    KeyPair current = pair();
    Path trusted = dir.resolve("trusted");
    publicFile(trusted, "gateway.pem", current);
    var signer = new CallerTokens(TrustKeys.fromFiles("gateway", signingFile("old.pem", old), List.of()));
    var verifier = new CallerTokens(TrustKeys.fromFiles("gateway", signingFile("cur.pem", current), List.of(trusted)));
    String token = signer.mint(CallerToken.builder().audience("cx.survey.v1.SurveyService").tenant("acme"));
    assertThatThrownBy(() -> verifier.verify(token, "cx.survey.v1.SurveyService"))
        .isInstanceOf(InvalidCallerTokenException.class).hasMessageContaining("unknown key");
  }
}
