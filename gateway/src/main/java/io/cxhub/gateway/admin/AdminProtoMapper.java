package io.cxhub.gateway.admin;

import com.google.protobuf.Timestamp;
import io.cxhub.gateway.access.AccessPolicy;
import io.cxhub.gateway.apikey.ApiKey;
import io.cxhub.gateway.apikey.Role;
import io.cxhub.gateway.apikey.Scope;
import io.cxhub.gateway.audit.AuditEvent;
import io.cxhub.gateway.audit.AuditEventType;
import io.cxhub.gateway.tenant.Tenant;
import io.cxhub.proto.admin.v1.AuditActor;
import io.cxhub.proto.common.v1.TenantRole;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/** Domain ↔ {@code cx.admin.v1} messages. */
final class AdminProtoMapper {

  private AdminProtoMapper() {}

  static io.cxhub.proto.admin.v1.Tenant toProto(Tenant tenant) {
    return io.cxhub.proto.admin.v1.Tenant.newBuilder()
        .setTenantId(tenant.tenantId())
        .setDisplayName(tenant.displayName())
        .setCreateTime(timestamp(tenant.createTime()))
        .build();
  }

  /** A key as listed: never with its secret. */
  static io.cxhub.proto.admin.v1.ApiKey toProto(ApiKey key) {
    var proto = io.cxhub.proto.admin.v1.ApiKey.newBuilder()
        .setKeyId(key.keyId())
        .setTenantId(key.tenantId())
        .setDisplayName(key.displayName())
        .setRole(toProto(key.role()))
        .setPlatformOperator(key.platformOperator())
        .setSecretPrefix(key.secretPrefix())
        .setCreateTime(timestamp(key.createTime()));
    for (Scope scope : Scope.values()) {
      if (key.scopes().contains(scope)) {
        proto.addScopes(toProto(scope));
      }
    }
    key.revokeTime().ifPresent(time -> proto.setRevokeTime(timestamp(time)));
    return proto.build();
  }

  /** A key just issued: the one reply that carries the secret. */
  static io.cxhub.proto.admin.v1.ApiKey toProto(IssuedApiKey issued) {
    return toProto(issued.key()).toBuilder().setSecret(issued.secret()).build();
  }

  static io.cxhub.proto.admin.v1.User toProto(io.cxhub.gateway.session.User user) {
    var proto = io.cxhub.proto.admin.v1.User.newBuilder()
        .setUserId(user.userId())
        .setTenantId(user.tenantId())
        .setEmail(user.email())
        .setDisplayName(user.displayName())
        .setRole(toProto(user.role()))
        .setCreateTime(timestamp(user.createTime()));
    user.lastLoginTime().ifPresent(time -> proto.setLastLoginTime(timestamp(time)));
    return proto.build();
  }

  /** Without its secret: only CreateInvitation's reply carries the link. */
  static io.cxhub.proto.admin.v1.Invitation toProto(io.cxhub.gateway.session.Invitation invitation) {
    return io.cxhub.proto.admin.v1.Invitation.newBuilder()
        .setInvitationId(invitation.invitationId())
        .setTenantId(invitation.tenantId())
        .setEmail(invitation.email())
        .setRole(toProto(invitation.role()))
        .setCreateTime(timestamp(invitation.createTime()))
        .setExpireTime(timestamp(invitation.expireTime()))
        .build();
  }

  static TenantRole toProto(Role role) {
    return switch (role) {
      case VIEWER -> TenantRole.TENANT_ROLE_VIEWER;
      case AGENT -> TenantRole.TENANT_ROLE_AGENT;
      case ANALYST -> TenantRole.TENANT_ROLE_ANALYST;
      case ADMIN -> TenantRole.TENANT_ROLE_ADMIN;
    };
  }

  static io.cxhub.proto.common.v1.Scope toProto(Scope scope) {
    return switch (scope) {
      case READ -> io.cxhub.proto.common.v1.Scope.SCOPE_READ;
      case INGEST -> io.cxhub.proto.common.v1.Scope.SCOPE_INGEST;
      case WRITE -> io.cxhub.proto.common.v1.Scope.SCOPE_WRITE;
    };
  }

  /**
   * The key a CreateApiKey request asks for.
   *
   * @throws AdminException.InvalidInput for a role or scope number the contract does not define
   */
  static NewApiKey fromProto(io.cxhub.proto.admin.v1.ApiKey key) {
    var violations = new ArrayList<AdminException.Violation>();
    Optional<Role> role = AccessPolicy.role(key.getRole());
    if (key.getRole() == TenantRole.UNRECOGNIZED) {
      violations.add(new AdminException.Violation("api_key.role", "Unknown role."));
    }
    var scopes = EnumSet.noneOf(Scope.class);
    for (int i = 0; i < key.getScopesCount(); i++) {
      var scope = AccessPolicy.scope(key.getScopes(i));
      if (scope.isEmpty()) {
        violations.add(new AdminException.Violation("api_key.scopes[" + i + "]", "Unknown scope."));
      } else {
        scopes.add(scope.get());
      }
    }
    if (!violations.isEmpty()) {
      throw new AdminException.InvalidInput(violations);
    }
    return new NewApiKey(key.getDisplayName(), role, scopes, key.getPlatformOperator());
  }

  static io.cxhub.proto.admin.v1.AuditEvent toProto(AuditEvent event) {
    var proto = io.cxhub.proto.admin.v1.AuditEvent.newBuilder()
        .setEventId(event.eventId())
        .setTenantId(event.tenantId())
        .setType(toProto(event.type()))
        .setEventTime(timestamp(event.eventTime()))
        .setActor(AuditActor.newBuilder()
            .setKeyId(event.actor().keyId())
            .setTenantId(event.actor().tenantId())
            .setDisplayName(event.actor().displayName())
            .setPlatformOperator(event.actor().platformOperator()))
        .setClientAddress(event.clientAddress())
        .setRequestId(event.requestId());
    event.apiKey().ifPresent(key -> proto.setApiKey(toProto(key)));
    event.tenant().ifPresent(tenant -> proto.setTenant(toProto(tenant)));
    return proto.build();
  }

  static io.cxhub.proto.admin.v1.AuditEventType toProto(AuditEventType type) {
    return switch (type) {
      case TENANT_CREATED -> io.cxhub.proto.admin.v1.AuditEventType.AUDIT_EVENT_TYPE_TENANT_CREATED;
      case API_KEY_CREATED -> io.cxhub.proto.admin.v1.AuditEventType.AUDIT_EVENT_TYPE_API_KEY_CREATED;
      case API_KEY_REVOKED -> io.cxhub.proto.admin.v1.AuditEventType.AUDIT_EVENT_TYPE_API_KEY_REVOKED;
    };
  }

  /** @throws AdminException.InvalidInput for a type number the contract does not define */
  static Optional<AuditEventType> fromProto(io.cxhub.proto.admin.v1.AuditEventType type, String field) {
    return switch (type) {
      case AUDIT_EVENT_TYPE_UNSPECIFIED -> Optional.empty();
      case AUDIT_EVENT_TYPE_TENANT_CREATED -> Optional.of(AuditEventType.TENANT_CREATED);
      case AUDIT_EVENT_TYPE_API_KEY_CREATED -> Optional.of(AuditEventType.API_KEY_CREATED);
      case AUDIT_EVENT_TYPE_API_KEY_REVOKED -> Optional.of(AuditEventType.API_KEY_REVOKED);
      case UNRECOGNIZED -> throw new AdminException.InvalidInput(
          List.of(new AdminException.Violation(field, "Unknown audit event type.")));
    };
  }

  static Timestamp timestamp(Instant instant) {
    return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
  }
}
