package io.cxhub.gateway.admin;

import com.google.protobuf.Timestamp;
import io.cxhub.gateway.apikey.ApiKey;
import io.cxhub.gateway.apikey.Role;
import io.cxhub.gateway.tenant.Tenant;
import java.time.Instant;

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
        .setSecretPrefix(key.secretPrefix())
        .setCreateTime(timestamp(key.createTime()));
    key.revokeTime().ifPresent(time -> proto.setRevokeTime(timestamp(time)));
    return proto.build();
  }

  /** A key just issued: the one reply that carries the secret. */
  static io.cxhub.proto.admin.v1.ApiKey toProto(IssuedApiKey issued) {
    return toProto(issued.key()).toBuilder().setSecret(issued.secret()).build();
  }

  static io.cxhub.proto.admin.v1.Role toProto(Role role) {
    return switch (role) {
      case MEMBER -> io.cxhub.proto.admin.v1.Role.ROLE_MEMBER;
      case ADMIN -> io.cxhub.proto.admin.v1.Role.ROLE_ADMIN;
    };
  }

  /** @throws AdminException.InvalidInput for a role number the contract does not define */
  static Role fromProto(io.cxhub.proto.admin.v1.Role role, String field) {
    return switch (role) {
      case ROLE_UNSPECIFIED, ROLE_MEMBER -> Role.MEMBER;
      case ROLE_ADMIN -> Role.ADMIN;
      case UNRECOGNIZED -> throw new AdminException.InvalidInput(
          java.util.List.of(new AdminException.Violation(field, "Unknown role.")));
    };
  }

  static Timestamp timestamp(Instant instant) {
    return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
  }
}
