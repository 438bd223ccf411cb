package io.cxhub.kit.tenant;

import com.google.protobuf.Descriptors.MethodDescriptor;
import io.cxhub.kit.trust.CallerToken;
import io.cxhub.kit.trust.CallerTokens;
import io.cxhub.kit.trust.InvalidCallerTokenException;
import io.cxhub.proto.common.v1.Access;
import io.cxhub.proto.common.v1.AnnotationsProto;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.grpc.protobuf.ProtoMethodDescriptorSupplier;
import java.util.Objects;

/**
 * Accepts a call to a CX Hub RPC only with a valid caller token (see {@link CallerTokens}):
 * signed by a trusted key, meant for the called gRPC service, not expired. The tenant comes
 * from the token alone: a bare {@value TenantContext#METADATA_NAME} entry is refused
 * ({@code UNAUTHENTICATED}). RPCs whose contract declares {@code (cx.common.v1.access).audience
 * = ACCESS_PUBLIC} derive their tenant from the resource they target and also accept calls
 * without a token (a token, if sent, is still checked). Infrastructure services (health,
 * reflection) are not tenant-scoped and pass through.
 */
public final class TenantServerInterceptor implements ServerInterceptor {

  private final CallerTokens tokens;

  public TenantServerInterceptor(CallerTokens tokens) {
    this.tokens = Objects.requireNonNull(tokens);
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(
      ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
    var method = call.getMethodDescriptor();
    if (!isCxMethod(method.getServiceName())) {
      return next.startCall(call, headers);
    }
    // whatever the caller wrote there, the only tenant a service sees is the verified one
    headers.removeAll(TenantContext.METADATA_KEY);
    boolean publicRpc = access(method) == Access.ACCESS_PUBLIC;
    String authorization = headers.get(CallerTokens.AUTHORIZATION);
    if (authorization == null) {
      if (publicRpc) {
        return next.startCall(call, headers);
      }
      return reject(call, "missing caller token: a service accepts a tenant only from the gateway or a peer"
          + " service, in a signed token in the 'authorization' entry");
    }
    CallerToken caller;
    try {
      caller = tokens.verifyBearer(authorization, method.getServiceName());
    } catch (InvalidCallerTokenException e) {
      return reject(call, e.getMessage());
    }
    Context context = Context.current().withValue(TenantContext.CALLER_KEY, caller);
    if (caller.tenant().isEmpty()) {
      if (!publicRpc) {
        return reject(call, "missing tenant: the caller token names none");
      }
    } else {
      String tenant = caller.tenant().get();
      if (!TenantContext.isValid(tenant)) {
        return reject(call, "malformed tenant in the caller token");
      }
      headers.put(TenantContext.METADATA_KEY, tenant);
      context = context.withValue(TenantContext.CONTEXT_KEY, tenant);
    }
    return Contexts.interceptCall(context, call, headers, next);
  }

  private static boolean isCxMethod(String serviceName) {
    return serviceName != null && serviceName.startsWith("cx.");
  }

  private static Access access(io.grpc.MethodDescriptor<?, ?> method) {
    if (method.getSchemaDescriptor() instanceof ProtoMethodDescriptorSupplier supplier) {
      MethodDescriptor descriptor = supplier.getMethodDescriptor();
      return descriptor.getOptions().getExtension(AnnotationsProto.access).getAudience();
    }
    return Access.ACCESS_UNSPECIFIED;
  }

  private static <Q, R> ServerCall.Listener<Q> reject(ServerCall<Q, R> call, String message) {
    call.close(Status.UNAUTHENTICATED.withDescription(message), new Metadata());
    return new ServerCall.Listener<>() {};
  }
}
