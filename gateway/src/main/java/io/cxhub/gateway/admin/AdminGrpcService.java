package io.cxhub.gateway.admin;

import com.google.protobuf.Any;
import com.google.protobuf.Empty;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import io.cxhub.proto.admin.v1.AdminServiceGrpc;
import io.cxhub.proto.admin.v1.ApiKey;
import io.cxhub.proto.admin.v1.CreateApiKeyRequest;
import io.cxhub.proto.admin.v1.CreateTenantRequest;
import io.cxhub.proto.admin.v1.ListApiKeysRequest;
import io.cxhub.proto.admin.v1.ListApiKeysResponse;
import io.cxhub.proto.admin.v1.ListAuditEventsRequest;
import io.cxhub.proto.admin.v1.ListAuditEventsResponse;
import io.cxhub.proto.admin.v1.ListTenantsRequest;
import io.cxhub.proto.admin.v1.ListTenantsResponse;
import io.cxhub.proto.admin.v1.RevokeApiKeyRequest;
import io.cxhub.proto.admin.v1.Tenant;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.StreamObserver;
import java.util.Optional;
import java.util.function.Function;
import io.cxhub.gateway.access.AccessPolicy;
import io.cxhub.gateway.apikey.Scope;
import io.cxhub.gateway.session.SessionAuthenticator;
import io.cxhub.gateway.session.Users;
import io.cxhub.proto.admin.v1.CorsPolicy;
import io.cxhub.proto.admin.v1.CreateInvitationRequest;
import io.cxhub.proto.admin.v1.DeleteUserRequest;
import io.cxhub.proto.admin.v1.GetCorsPolicyRequest;
import io.cxhub.proto.admin.v1.Invitation;
import io.cxhub.proto.admin.v1.ListUsersRequest;
import io.cxhub.proto.admin.v1.ListUsersResponse;
import io.cxhub.proto.admin.v1.UpdateCorsPolicyRequest;
import io.cxhub.proto.admin.v1.UpdateUserRequest;
import io.cxhub.proto.admin.v1.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code cx.admin.v1.AdminService} contract over {@link TenantAdministration}. It is
 * served in-process by the gateway, behind the same transcoding, authentication and
 * authorization as the other services (the contract declares who may call each RPC); the
 * actor of each call is the caller's key, named by the metadata ({@link CallerInterceptor}).
 */
final class AdminGrpcService extends AdminServiceGrpc.AdminServiceImplBase {

  private static final Logger log = LoggerFactory.getLogger(AdminGrpcService.class);

  private final TenantAdministration admin;
  private final Optional<PeopleAdministration> people;
  private final Optional<Users> users;

  AdminGrpcService(TenantAdministration admin) {
    this(admin, Optional.empty(), Optional.empty());
  }

  /**
   * @param people the users and CORS use cases
   * @param users where callers that are dashboard users are found
   */
  AdminGrpcService(TenantAdministration admin, Optional<PeopleAdministration> people, Optional<Users> users) {
    this.admin = admin;
    this.people = people;
    this.users = users;
  }

  @Override
  public void createInvitation(CreateInvitationRequest request, StreamObserver<Invitation> responses) {
    answer(responses, actor -> {
      var created = people().invite(actor, request.getTenantId(), request.getInvitation().getEmail(),
          AccessPolicy.role(request.getInvitation().getRole()), request.getInvitation().getLanguage());
      log.info("invitation created tenant={} invitationId={} role={} emailSent={} by={}:{}", request.getTenantId(),
          created.invitation().invitationId(), created.invitation().role(), created.emailSent(),
          actor.key().tenantId(), actor.key().keyId());
      return AdminProtoMapper.toProto(created.invitation()).toBuilder()
          .setInvitePath(created.invitePath())
          .setInviteUrl(created.inviteUrl())
          .setEmailSent(created.emailSent())
          .build();
    });
  }

  @Override
  public void listUsers(ListUsersRequest request, StreamObserver<ListUsersResponse> responses) {
    answer(responses, actor -> {
      var reply = ListUsersResponse.newBuilder();
      people().listUsers(actor, request.getTenantId()).forEach(user -> reply.addUsers(AdminProtoMapper.toProto(user)));
      people().openInvitations(actor, request.getTenantId())
          .forEach(invitation -> reply.addInvitations(AdminProtoMapper.toProto(invitation)));
      return reply.build();
    });
  }

  @Override
  public void updateUser(UpdateUserRequest request, StreamObserver<User> responses) {
    answer(responses, actor -> {
      var user = people().updateUser(actor, request.getTenantId(), request.getUser().getUserId(),
          AccessPolicy.role(request.getUser().getRole()), request.getUpdateMask().getPathsList());
      log.info("user role changed tenant={} userId={} role={} by={}:{}", user.tenantId(), user.userId(), user.role(),
          actor.key().tenantId(), actor.key().keyId());
      return AdminProtoMapper.toProto(user);
    });
  }

  @Override
  public void deleteUser(DeleteUserRequest request, StreamObserver<Empty> responses) {
    answer(responses, actor -> {
      people().deleteUser(actor, request.getTenantId(), request.getUserId());
      log.info("user removed tenant={} userId={} by={}:{}", request.getTenantId(), request.getUserId(),
          actor.key().tenantId(), actor.key().keyId());
      return Empty.getDefaultInstance();
    });
  }

  @Override
  public void getCorsPolicy(GetCorsPolicyRequest request, StreamObserver<CorsPolicy> responses) {
    answer(responses, actor -> CorsPolicy.newBuilder()
        .addAllAllowedOrigins(people().corsOrigins(actor, request.getTenantId())).build());
  }

  @Override
  public void updateCorsPolicy(UpdateCorsPolicyRequest request, StreamObserver<CorsPolicy> responses) {
    answer(responses, actor -> {
      var origins = people().updateCorsOrigins(actor, request.getTenantId(),
          request.getCorsPolicy().getAllowedOriginsList());
      log.info("CORS policy changed tenant={} origins={} by={}:{}", request.getTenantId(), origins.size(),
          actor.key().tenantId(), actor.key().keyId());
      return CorsPolicy.newBuilder().addAllAllowedOrigins(origins).build();
    });
  }

  private PeopleAdministration people() {
    return people.orElseThrow(() -> new IllegalStateException("people administration is not configured"));
  }

  /** The actor of a call: an API key, or a dashboard user acting as a key of its role with every scope. */
  private Actor actorOf(CallerInterceptor.CallerIdentity caller) {
    if (caller != null && caller.keyId() != null && caller.keyId().startsWith(SessionAuthenticator.USER_KEY_PREFIX)
        && users.isPresent()) {
      String userId = caller.keyId().substring(SessionAuthenticator.USER_KEY_PREFIX.length());
      var user = users.get().find(userId).filter(u -> u.tenantId().equals(caller.tenantId()))
          .orElseThrow(() -> new AdminException.Unauthenticated("The user is unknown or has been removed."));
      var key = io.cxhub.gateway.apikey.ApiKey.builder().hash("user").tenantId(user.tenantId())
          .keyId(user.callerKeyId()).role(user.role()).scopes(Scope.all()).displayName(user.email())
          .createTime(user.createTime()).build();
      return new Actor(key, caller.origin());
    }
    return caller == null ? admin.actor(null, null, null)
        : admin.actor(caller.tenantId(), caller.keyId(), caller.origin());
  }

  @Override
  public void createTenant(CreateTenantRequest request, StreamObserver<Tenant> responses) {
    answer(responses, actor -> {
      var tenant = admin.createTenant(actor, request.getTenant().getTenantId(), request.getTenant().getDisplayName());
      log.info("tenant created tenant={} by={}:{}", tenant.tenantId(), actor.key().tenantId(), actor.key().keyId());
      return AdminProtoMapper.toProto(tenant);
    });
  }

  @Override
  public void listTenants(ListTenantsRequest request, StreamObserver<ListTenantsResponse> responses) {
    answer(responses, actor -> {
      var page = admin.listTenants(actor, request.getPageSize(), request.getPageToken());
      var reply = ListTenantsResponse.newBuilder().setNextPageToken(page.nextPageToken());
      page.tenants().forEach(tenant -> reply.addTenants(AdminProtoMapper.toProto(tenant)));
      return reply.build();
    });
  }

  @Override
  public void createApiKey(CreateApiKeyRequest request, StreamObserver<ApiKey> responses) {
    answer(responses, actor -> {
      var issued = admin.issueApiKey(actor, request.getTenantId(), AdminProtoMapper.fromProto(request.getApiKey()));
      log.info("API key issued tenant={} keyId={} role={} scopes={} platformOperator={} by={}:{}",
          issued.key().tenantId(), issued.key().keyId(), issued.key().role(), issued.key().scopes(),
          issued.key().platformOperator(), actor.key().tenantId(), actor.key().keyId());
      return AdminProtoMapper.toProto(issued);
    });
  }

  @Override
  public void listApiKeys(ListApiKeysRequest request, StreamObserver<ListApiKeysResponse> responses) {
    answer(responses, actor -> {
      var reply = ListApiKeysResponse.newBuilder();
      admin.listApiKeys(actor, request.getTenantId()).forEach(key -> reply.addApiKeys(AdminProtoMapper.toProto(key)));
      return reply.build();
    });
  }

  @Override
  public void revokeApiKey(RevokeApiKeyRequest request, StreamObserver<Empty> responses) {
    answer(responses, actor -> {
      var key = admin.revokeApiKey(actor, request.getTenantId(), request.getKeyId());
      log.info("API key revoked tenant={} keyId={} by={}:{}", key.tenantId(), key.keyId(),
          actor.key().tenantId(), actor.key().keyId());
      return Empty.getDefaultInstance();
    });
  }

  @Override
  public void listAuditEvents(ListAuditEventsRequest request, StreamObserver<ListAuditEventsResponse> responses) {
    answer(responses, actor -> {
      var page = admin.listAuditEvents(actor, request.getTenantId(),
          AdminProtoMapper.fromProto(request.getType(), "type"), request.getPageSize(), request.getPageToken());
      var reply = ListAuditEventsResponse.newBuilder().setNextPageToken(page.nextPageToken());
      page.events().forEach(event -> reply.addAuditEvents(AdminProtoMapper.toProto(event)));
      return reply.build();
    });
  }

  private <T> void answer(StreamObserver<T> responses, Function<Actor, T> work) {
    T reply;
    try {
      Actor actor = actorOf(CallerInterceptor.CALLER.get());
      reply = work.apply(actor);
    } catch (RuntimeException e) {
      responses.onError(toStatus(e));
      return;
    }
    responses.onNext(reply);
    responses.onCompleted();
  }

  static StatusRuntimeException toStatus(RuntimeException error) {
    var status = com.google.rpc.Status.newBuilder();
    if (error instanceof AdminException.InvalidInput invalid) {
      var badRequest = BadRequest.newBuilder();
      invalid.violations().forEach(v -> badRequest.addFieldViolations(
          BadRequest.FieldViolation.newBuilder().setField(v.field()).setDescription(v.description())));
      status.setCode(Code.INVALID_ARGUMENT_VALUE).setMessage(invalid.getMessage()).addDetails(Any.pack(badRequest.build()));
    } else if (error instanceof AdminException.NotFound) {
      status.setCode(Code.NOT_FOUND_VALUE).setMessage(error.getMessage());
    } else if (error instanceof AdminException.AlreadyExists) {
      status.setCode(Code.ALREADY_EXISTS_VALUE).setMessage(error.getMessage());
    } else if (error instanceof AdminException.PermissionDenied) {
      status.setCode(Code.PERMISSION_DENIED_VALUE).setMessage(error.getMessage());
    } else if (error instanceof AdminException.Unauthenticated) {
      status.setCode(Code.UNAUTHENTICATED_VALUE).setMessage(error.getMessage());
    } else {
      log.error("admin call failed", error);
      status.setCode(Code.INTERNAL_VALUE).setMessage("internal error");
    }
    return StatusProto.toStatusRuntimeException(status.build());
  }
}
