package io.cxhub.kit.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.BadRequest;
import io.cxhub.kit.id.Ids;
import io.cxhub.kit.trust.CallerToken;
import io.cxhub.kit.trust.CallerTokens;
import io.cxhub.kit.trust.SignedCalls;
import io.cxhub.kit.trust.TrustKeys;
import io.grpc.ClientInterceptor;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.AbstractStub;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Helpers for tests that call a service over real gRPC, as the gateway or a peer would. */
public final class GrpcCalls {

  private GrpcCalls() {}

  /**
   * The principal tests sign their calls as: an ephemeral key of this JVM, which every
   * service started in the test's JVM without key files trusts (as they trust each other).
   */
  public static final String TEST_PRINCIPAL = "test-caller";

  /** Caller tokens signed by {@link #TEST_PRINCIPAL}; also what a test's fake service verifies with. */
  public static CallerTokens testTokens() {
    return new CallerTokens(TrustKeys.ephemeral(TEST_PRINCIPAL));
  }

  /**
   * The stub, acting for {@code tenant} on every call as the gateway or a peer would: each
   * call carries a caller token signed by {@link #TEST_PRINCIPAL} for the called service.
   */
  public static <S extends AbstractStub<S>> S asTenant(S stub, String tenant) {
    return stub.withInterceptors(signing(() -> CallerToken.builder().tenant(tenant)));
  }

  /** The stub, acting for {@code tenant} with a person's or key's {@code role}, as the gateway does. */
  public static <S extends AbstractStub<S>> S asTenant(S stub, String tenant, String role) {
    return stub.withInterceptors(signing(() -> CallerToken.builder().tenant(tenant).role(role)));
  }

  /** An interceptor that signs every call with the claims of a fresh {@code token} and the called service as audience. */
  public static ClientInterceptor signing(Supplier<CallerToken.Builder> token) {
    return SignedCalls.signing(testTokens(), token);
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
