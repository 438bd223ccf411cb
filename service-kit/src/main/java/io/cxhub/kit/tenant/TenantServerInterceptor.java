package io.cxhub.kit.tenant;

import com.google.protobuf.Descriptors.MethodDescriptor;
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

/**
 * Rejects every call to a CX Hub RPC that has no valid tenant in its metadata, except
 * RPCs whose contract declares {@code (cx.common.v1.access).audience = ACCESS_PUBLIC}: those derive
 * their tenant from the resource they target. Infrastructure services (health,
 * reflection) are not tenant-scoped and pass through.
 */
public final class TenantServerInterceptor implements ServerInterceptor {

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(
      ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
    var method = call.getMethodDescriptor();
    if (!isCxMethod(method.getServiceName())) {
      return next.startCall(call, headers);
    }
    String tenant = headers.get(TenantContext.METADATA_KEY);
    if (tenant == null || tenant.isEmpty()) {
      if (access(method) == Access.ACCESS_PUBLIC) {
        return next.startCall(call, headers);
      }
      return reject(call, "missing tenant: send the '" + TenantContext.METADATA_NAME + "' metadata entry");
    }
    if (!TenantContext.isValid(tenant)) {
      return reject(call, "malformed '" + TenantContext.METADATA_NAME + "' metadata entry");
    }
    Context context = Context.current().withValue(TenantContext.CONTEXT_KEY, tenant);
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
