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
import io.cxhub.proto.admin.v1.Role;
import io.cxhub.proto.admin.v1.Tenant;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.security.SecureRandom;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AdminGrpcServiceTest {

  private final AdminServer server = new AdminServer(new AdminGrpcService(new TenantAdministration(
      new InMemoryTenants(), new InMemoryApiKeys(), new ApiKeySecrets(new SecureRandom()), hash -> { },
      Clock.systemUTC())));
  private final AdminServiceGrpc.AdminServiceBlockingStub stub = AdminServiceGrpc.newBlockingStub(server.channel());

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void showsTheSecretOnlyWhenTheKeyIsIssued() {
    stub.createTenant(CreateTenantRequest.newBuilder()
        .setTenant(Tenant.newBuilder().setTenantId("acme").setDisplayName("Acme")).build());

    ApiKey issued = stub.createApiKey(CreateApiKeyRequest.newBuilder().setTenantId("acme")
        .setApiKey(ApiKey.newBuilder().setDisplayName("CRM").setRole(Role.ROLE_ADMIN)).build());
    var listed = stub.listApiKeys(ListApiKeysRequest.newBuilder().setTenantId("acme").build());

    assertThat(issued.getSecret()).startsWith("cxk_");
    assertThat(issued.getRole()).isEqualTo(Role.ROLE_ADMIN);
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
            .setApiKey(ApiKey.newBuilder().setDisplayName("CRM")).build()));

    assertThat(duplicate.getStatus().getCode()).isEqualTo(Status.Code.ALREADY_EXISTS);
    assertThat(unknown.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
  }
}
