package io.cxhub.gateway.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.rpc.BadRequest;
import io.cxhub.gateway.apikey.ApiKeySecrets;
import io.cxhub.gateway.testing.InMemoryApiKeys;
import io.cxhub.gateway.testing.InMemoryTenants;
import io.cxhub.proto.admin.v1.AdminServiceGrpc;
import io.cxhub.proto.admin.v1.ApiKey;
import io.cxhub.proto.admin.v1.CreateApiKeyRequest;
import io.cxhub.proto.admin.v1.CreateTenantRequest;
import io.cxhub.proto.admin.v1.ListApiKeysRequest;
import io.cxhub.gateway.backend.CallContext;
import io.cxhub.gateway.testing.InMemoryAuditLog;
import io.cxhub.gateway.testing.TestKeys;
import io.cxhub.proto.admin.v1.ListAuditEventsRequest;
import io.cxhub.proto.admin.v1.AuditEventType;
import io.cxhub.proto.common.v1.Scope;
import io.cxhub.proto.common.v1.TenantRole;
import io.grpc.stub.MetadataUtils;
import java.util.Optional;
import io.cxhub.proto.admin.v1.Tenant;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.security.SecureRandom;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AdminGrpcServiceTest {

  private final InMemoryApiKeys keys = new InMemoryApiKeys();
  private final AdminServer server = new AdminServer(new AdminGrpcService(new TenantAdministration(
      new InMemoryTenants(), keys, new ApiKeySecrets(new SecureRandom()), hash -> { }, new InMemoryAuditLog(),
      Clock.systemUTC())));
  private final AdminServiceGrpc.AdminServiceBlockingStub anonymous = AdminServiceGrpc.newBlockingStub(server.channel());
  private final AdminServiceGrpc.AdminServiceBlockingStub stub;

  AdminGrpcServiceTest() {
    var platform = TestKeys.platform("cxk_platform", "default");
    keys.insert(platform);
    // what the gateway's transcoder sends for an authenticated caller
    var context = new CallContext(Optional.of("default"), "req-1", Optional.of("198.51.100.4"),
        Optional.of(platform.keyId()));
    stub = anonymous.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(context.toMetadata()));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void showsTheSecretOnlyWhenTheKeyIsIssued() {
    stub.createTenant(CreateTenantRequest.newBuilder()
        .setTenant(Tenant.newBuilder().setTenantId("acme").setDisplayName("Acme")).build());

    ApiKey issued = stub.createApiKey(CreateApiKeyRequest.newBuilder().setTenantId("acme")
        .setApiKey(ApiKey.newBuilder().setDisplayName("CRM").setRole(TenantRole.TENANT_ROLE_ADMIN)
            .addScopes(Scope.SCOPE_READ)).build());
    var listed = stub.listApiKeys(ListApiKeysRequest.newBuilder().setTenantId("acme").build());

    assertThat(issued.getSecret()).startsWith("cxk_");
    assertThat(issued.getRole()).isEqualTo(TenantRole.TENANT_ROLE_ADMIN);
    assertThat(issued.getScopesList()).containsExactly(Scope.SCOPE_READ);
    assertThat(listed.getApiKeysList()).singleElement().satisfies(key -> {
      assertThat(key.getSecret()).isEmpty();
      assertThat(key.getKeyId()).isEqualTo(issued.getKeyId());
      assertThat(key.getSecretPrefix()).isEqualTo(issued.getSecret().substring(0, 12));
      assertThat(key.hasRevokeTime()).isFalse();
    });
  }

  @Test
  void reportsInvalidInputWithFieldViolations() {
    var error = org.assertj.core.api.Assertions.catchThrowableOfType(StatusRuntimeException.class,
        () -> stub.createTenant(CreateTenantRequest.newBuilder()
            .setTenant(Tenant.newBuilder().setTenantId("X").setDisplayName("")).build()));

    assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    var details = StatusProto.fromThrowable(error);
    assertThat(details.getDetails(0).is(BadRequest.class)).isTrue();
  }

  @Test
  void mapsMissingAndDuplicateResources() {
    var tenant = CreateTenantRequest.newBuilder().setTenant(Tenant.newBuilder().setTenantId("acme").setDisplayName("Acme")).build();
    stub.createTenant(tenant);

    var duplicate = org.assertj.core.api.Assertions.catchThrowableOfType(StatusRuntimeException.class, () -> stub.createTenant(tenant));
    var unknown = org.assertj.core.api.Assertions.catchThrowableOfType(StatusRuntimeException.class,
        () -> stub.createApiKey(CreateApiKeyRequest.newBuilder().setTenantId("nobody")
            .setApiKey(ApiKey.newBuilder().setDisplayName("CRM").setRole(TenantRole.TENANT_ROLE_VIEWER)
                .addScopes(Scope.SCOPE_READ)).build()));

    assertThat(duplicate.getStatus().getCode()).isEqualTo(Status.Code.ALREADY_EXISTS);
    assertThat(unknown.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
  }

  @Test
  void refusesACallThatNamesNoKey() {
    var error = org.assertj.core.api.Assertions.catchThrowableOfType(StatusRuntimeException.class,
        () -> anonymous.listApiKeys(ListApiKeysRequest.newBuilder().setTenantId("default").build()));

    assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
  }

  @Test
  void listsTheAuditLogWithTheClientAddress() {
    stub.createTenant(CreateTenantRequest.newBuilder()
        .setTenant(Tenant.newBuilder().setTenantId("acme").setDisplayName("Acme")).build());

    var events = stub.listAuditEvents(ListAuditEventsRequest.newBuilder().setTenantId("acme").build());

    assertThat(events.getAuditEventsList()).singleElement().satisfies(event -> {
      assertThat(event.getType()).isEqualTo(AuditEventType.AUDIT_EVENT_TYPE_TENANT_CREATED);
      assertThat(event.getClientAddress()).isEqualTo("198.51.100.4");
      assertThat(event.getRequestId()).isEqualTo("req-1");
      assertThat(event.getActor().getPlatformOperator()).isTrue();
      assertThat(event.getTenant().getTenantId()).isEqualTo("acme");
    });
  }
}
