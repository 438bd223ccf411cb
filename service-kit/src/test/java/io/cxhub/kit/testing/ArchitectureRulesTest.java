package io.cxhub.kit.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/** The shared rules pass on a layered feature and catch each kind of leak. */
class ArchitectureRulesTest {

  static final JavaClasses CLEAN = new ClassFileImporter().importPackages("io.cxhub.kit.archfixture.clean");
  static final JavaClasses LEAKY = new ClassFileImporter().importPackages("io.cxhub.kit.archfixture.leaky");

  @Test
  void aLayeredFeatureKeepsEveryRule() {
    for (ArchRule rule : rules()) {
      assertThat(rule.evaluate(CLEAN).hasViolation()).as(rule.getDescription()).isFalse();
    }
  }

  @Test
  void theDomainMayNotUseTransportTypes() {
    assertViolatedBy(ArchitectureRules.domainIsPlainJava, "LeakyDomain");
  }

  @Test
  void theDomainMayNotUseItsAdapters() {
    assertViolatedBy(ArchitectureRules.domainDoesNotDependOnItsAdapters, "DomainUsingItsAdapter");
  }

  @Test
  void storageMayNotUseTheContract() {
    assertViolatedBy(ArchitectureRules.storageDoesNotKnowTheTransport, "LeakyStore");
  }

  @Test
  void transportMayNotUseStorageTypes() {
    assertViolatedBy(ArchitectureRules.transportDoesNotKnowTheStorage, "LeakyEndpoint");
  }

  static void assertViolatedBy(ArchRule rule, String className) {
    var result = rule.evaluate(LEAKY);
    assertThat(result.hasViolation()).isTrue();
    assertThat(result.getFailureReport().getDetails()).anyMatch(line -> line.contains(className));
  }

  static ArchRule[] rules() {
    return new ArchRule[] {
        ArchitectureRules.domainIsPlainJava,
        ArchitectureRules.domainDoesNotDependOnItsAdapters,
        ArchitectureRules.storageDoesNotKnowTheTransport,
        ArchitectureRules.transportDoesNotKnowTheStorage};
  }
}
