package io.cxhub.gateway.access;

import static io.cxhub.gateway.testing.Catalogs.CATALOG;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.AnnotationsProto;
import com.google.protobuf.Descriptors.MethodDescriptor;
import io.cxhub.proto.common.v1.Access;
import io.cxhub.proto.common.v1.AccessRule;
import io.cxhub.proto.common.v1.Scope;
import io.cxhub.proto.common.v1.TenantRole;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Fails the build when an RPC of the contracts does not declare a complete access rule:
 * every RPC names its audience; a tenant RPC its least role and the scope a key needs; an
 * internal RPC has no HTTP rule (the gateway must never expose it) and every other RPC has
 * one.
 */
class AccessRuleDeclarationTest {

  @Test
  void everyRpcDeclaresACompleteAccessRule() {
    var problems = new ArrayList<String>();
    List<MethodDescriptor> methods = CATALOG.files().stream()
        .filter(file -> file.getPackage().startsWith("cx."))
        .flatMap(file -> file.getServices().stream())
        .flatMap(service -> service.getMethods().stream())
        .toList();
    for (MethodDescriptor method : methods) {
      problems.addAll(problemsOf(method));
    }

    assertThat(methods).hasSizeGreaterThan(50);
    assertThat(problems).isEmpty();
  }

  @Test
  void findsEveryKindOfIncompleteRule() {
    assertThat(problems(AccessRule.getDefaultInstance(), true)).singleElement().asString().contains("no audience");
    assertThat(problems(AccessRule.newBuilder().setAudience(Access.ACCESS_TENANT).build(), true))
        .hasSize(2).anySatisfy(p -> assertThat(p).contains("min_role")).anySatisfy(p -> assertThat(p).contains("scope"));
    assertThat(problems(AccessRule.newBuilder().setAudience(Access.ACCESS_INTERNAL).build(), true))
        .singleElement().asString().contains("internal");
    assertThat(problems(AccessRule.newBuilder().setAudience(Access.ACCESS_PUBLIC).build(), false))
        .singleElement().asString().contains("no HTTP rule");
    assertThat(problems(AccessRule.newBuilder().setAudience(Access.ACCESS_TENANT)
        .setMinRole(TenantRole.TENANT_ROLE_VIEWER).setScope(Scope.SCOPE_READ).build(), true)).isEmpty();
  }

  private static List<String> problemsOf(MethodDescriptor method) {
    AccessRule rule = method.getOptions().getExtension(io.cxhub.proto.common.v1.AnnotationsProto.access);
    boolean http = method.getOptions().hasExtension(AnnotationsProto.http);
    return problems(rule, http).stream().map(problem -> method.getFullName() + ": " + problem).toList();
  }

  static List<String> problems(AccessRule rule, boolean hasHttpRule) {
    var problems = new ArrayList<String>();
    switch (rule.getAudience()) {
      case ACCESS_UNSPECIFIED, UNRECOGNIZED -> problems.add("declares no audience in (cx.common.v1.access)");
      case ACCESS_TENANT -> {
        if (rule.getMinRole() == TenantRole.TENANT_ROLE_UNSPECIFIED) {
          problems.add("a tenant RPC must declare its min_role");
        }
        if (rule.getScope() == Scope.SCOPE_UNSPECIFIED) {
          problems.add("a tenant RPC must declare the scope a key needs");
        }
      }
      default -> { }
    }
    if (rule.getAudience() == Access.ACCESS_INTERNAL && hasHttpRule) {
      problems.add("an internal RPC must not have a google.api.http rule");
    }
    if (rule.getAudience() != Access.ACCESS_INTERNAL && rule.getAudience() != Access.ACCESS_UNSPECIFIED && !hasHttpRule) {
      problems.add("has no HTTP rule: declare it ACCESS_INTERNAL or give it a google.api.http rule");
    }
    return problems;
  }
}
