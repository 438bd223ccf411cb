package io.cxhub.gateway.access;

import io.cxhub.gateway.apikey.Caller;
import io.cxhub.gateway.apikey.Role;
import io.cxhub.gateway.apikey.Scope;
import io.cxhub.proto.common.v1.Access;
import io.cxhub.proto.common.v1.AccessRule;
import io.cxhub.proto.common.v1.TenantRole;
import java.util.Optional;

/**
 * Decides whether a caller may call an RPC, from the access rule its contract declares
 * ({@code (cx.common.v1.access)}). Authentication has happened before: a caller is present
 * for every audience but {@code ACCESS_PUBLIC}.
 *
 * <ul>
 *   <li>{@code ACCESS_PUBLIC}: anyone.</li>
 *   <li>{@code ACCESS_PLATFORM}: platform operator keys only.</li>
 *   <li>{@code ACCESS_TENANT}: the key's role must be at least {@code min_role} and the key
 *       must carry {@code scope}. When the HTTP path names a tenant ({@code {tenant_id}}),
 *       it must be the key's own tenant, else the answer is the one a missing tenant gets
 *       (404), so that a tenant's admin learns nothing about other tenants; the platform
 *       operator may name any tenant and acts there as its admin (its scopes still apply).</li>
 *   <li>Anything else ({@code ACCESS_INTERNAL}, or no rule) is refused: internal RPCs are
 *       never exposed, and an undeclared rule fails closed.</li>
 * </ul>
 */
public final class AccessPolicy {

  /** Name of the request field that, bound by an HTTP path, names the tenant acted on. */
  public static final String TENANT_PATH_FIELD = "tenant_id";

  private AccessPolicy() {}

  /** The outcome of a decision. */
  public sealed interface Decision {
    /** The call may go ahead. */
    record Allowed() implements Decision {}

    /** 403: the caller lacks what the rule needs; {@code detail} names it. */
    record Forbidden(String detail) implements Decision {}

    /** 404, exactly as for a tenant that does not exist. */
    record TenantNotFound(String tenantId) implements Decision {}
  }

  private static final Decision ALLOWED = new Decision.Allowed();

  /**
   * @param caller the authenticated caller; empty only for public RPCs
   * @param pathTenant the tenant id the HTTP path names, if the route has one
   */
  public static Decision decide(AccessRule rule, Optional<Caller> caller, Optional<String> pathTenant) {
    Access audience = rule.getAudience();
    if (audience == Access.ACCESS_PUBLIC) {
      return ALLOWED;
    }
    if (caller.isEmpty()) {
      return new Decision.Forbidden("This operation needs an API key.");
    }
    Caller who = caller.get();
    return switch (audience) {
      case ACCESS_PLATFORM -> who.platformOperator() ? ALLOWED
          : new Decision.Forbidden("Only the platform operator may do this; this API key is not a platform operator key.");
      case ACCESS_TENANT -> decideTenant(rule, who, pathTenant);
      default -> new Decision.Forbidden("This operation is not open to API keys.");
    };
  }

  private static Decision decideTenant(AccessRule rule, Caller caller, Optional<String> pathTenant) {
    Role role = caller.role();
    if (pathTenant.isPresent()) {
      if (caller.platformOperator()) {
        role = Role.ADMIN;
      } else if (!pathTenant.get().equals(caller.tenantId())) {
        return new Decision.TenantNotFound(pathTenant.get());
      }
    }
    Optional<Role> needed = role(rule.getMinRole());
    Optional<Scope> scope = scope(rule.getScope());
    if (needed.isEmpty() || scope.isEmpty()) {
      return new Decision.Forbidden("This operation declares no role or scope, so no API key may call it.");
    }
    if (!role.atLeast(needed.get())) {
      return new Decision.Forbidden("This operation needs the role " + protoName(needed.get())
          + " or higher; this API key has " + protoName(role) + ".");
    }
    if (!caller.has(scope.get())) {
      return new Decision.Forbidden("This operation needs an API key with the scope " + protoName(scope.get())
          + "; this key has " + (caller.scopes().isEmpty() ? "none"
              : String.join(", ", caller.scopes().stream().sorted().map(AccessPolicy::protoName).toList())) + ".");
    }
    return ALLOWED;
  }

  /** The contract's role, if it names one. */
  public static Optional<Role> role(TenantRole role) {
    return switch (role) {
      case TENANT_ROLE_VIEWER -> Optional.of(Role.VIEWER);
      case TENANT_ROLE_AGENT -> Optional.of(Role.AGENT);
      case TENANT_ROLE_ANALYST -> Optional.of(Role.ANALYST);
      case TENANT_ROLE_ADMIN -> Optional.of(Role.ADMIN);
      case TENANT_ROLE_UNSPECIFIED, UNRECOGNIZED -> Optional.empty();
    };
  }

  /** The contract's scope, if it names one. */
  public static Optional<Scope> scope(io.cxhub.proto.common.v1.Scope scope) {
    return switch (scope) {
      case SCOPE_READ -> Optional.of(Scope.READ);
      case SCOPE_INGEST -> Optional.of(Scope.INGEST);
      case SCOPE_WRITE -> Optional.of(Scope.WRITE);
      case SCOPE_UNSPECIFIED, UNRECOGNIZED -> Optional.empty();
    };
  }

  /** {@code ANALYST} → {@code TENANT_ROLE_ANALYST}, as clients write it. */
  public static String protoName(Role role) {
    return "TENANT_ROLE_" + role.name();
  }

  /** {@code READ} → {@code SCOPE_READ}, as clients write it. */
  public static String protoName(Scope scope) {
    return "SCOPE_" + scope.name();
  }
}
