package io.cxhub.kit.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.BadRequest;
import io.cxhub.kit.id.Ids;
import io.cxhub.kit.tenant.TenantContext;
import io.grpc.Metadata;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.AbstractStub;
import io.grpc.stub.MetadataUtils;
import java.util.ArrayList;
import java.util.List;

/** Helpers for tests that call a service over real gRPC, as the gateway or a peer would. */
public final class GrpcCalls {

  private GrpcCalls() {}

  /** The stub, sending {@code tenant} in the tenant metadata entry of every call. */
  public static <S extends AbstractStub<S>> S asTenant(S stub, String tenant) {
    var headers = new Metadata();
    headers.put(TenantContext.METADATA_KEY, tenant);
    return stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
  }

  /** A fresh, valid tenant id, so that each test works in a tenant of its own. */
  public static String newTenant() {
    return "t-" + Ids.random().substring(0, 16);
  }

  /** The status exception {@code call} fails with; fails the test if the call succeeds. */
  public static StatusRuntimeException failure(Runnable call) {
    var error = catchThrowableOfType(StatusRuntimeException.class, call::run);
    assertThat(error).as("the call should fail").isNotNull();
    return error;
  }

  /** The fields named by the google.rpc.BadRequest details of an INVALID_ARGUMENT status. */
  public static List<String> violatedFields(StatusRuntimeException error) {
    var fields = new ArrayList<String>();
    var status = StatusProto.fromThrowable(error);
    if (status == null) {
      return fields;
    }
    for (var detail : status.getDetailsList()) {
      if (detail.is(BadRequest.class)) {
        try {
          detail.unpack(BadRequest.class).getFieldViolationsList().forEach(v -> fields.add(v.getField()));
        } catch (InvalidProtocolBufferException e) {
          throw new AssertionError(e);
        }
      }
    }
    return fields;
  }
}
