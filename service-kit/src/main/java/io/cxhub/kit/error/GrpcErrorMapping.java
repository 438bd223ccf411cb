package io.cxhub.kit.error;

import com.google.protobuf.Any;
import io.cxhub.kit.grpc.BadRequests;
import com.google.rpc.Code;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.grpc.server.exception.GrpcExceptionHandler;

/**
 * The one place where a service's domain exceptions become gRPC statuses. Invalid input
 * carries a {@code google.rpc.BadRequest} detail with one field violation per bad field,
 * bounded by {@link BadRequests} so that it fits in the trailers, which the gateway turns
 * into a problem+json body. Anything unexpected becomes INTERNAL
 * without leaking its message.
 */
public final class GrpcErrorMapping implements GrpcExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(GrpcErrorMapping.class);

  @Override
  public StatusException handleException(Throwable error) {
    if (error instanceof StatusRuntimeException sre) {
      return new StatusException(sre.getStatus(), sre.getTrailers());
    }
    if (error instanceof StatusException se) {
      return se;
    }
    if (error instanceof InvalidInputException invalid) {
      return BadRequests.invalidArgument(invalid.violations());
    }
    if (error instanceof NotFoundException) {
      return status(Code.NOT_FOUND, error.getMessage(), null);
    }
    if (error instanceof AlreadyExistsException) {
      return status(Code.ALREADY_EXISTS, error.getMessage(), null);
    }
    if (error instanceof StaleVersionException) {
      return status(Code.ABORTED, error.getMessage(), null);
    }
    if (error instanceof PreconditionFailedException failed) {
      return status(Code.FAILED_PRECONDITION, error.getMessage(), failed.reason() == null ? null
          : Any.pack(com.google.rpc.ErrorInfo.newBuilder().setReason(failed.reason()).setDomain(io.cxhub.kit.grpc.BadRequests.DOMAIN).build()));
    }
    if (error instanceof RateLimitedException limited) {
      var delay = com.google.protobuf.Duration.newBuilder()
          .setSeconds(limited.retryAfter().getSeconds())
          .setNanos(limited.retryAfter().getNano());
      return status(Code.RESOURCE_EXHAUSTED, error.getMessage(),
          Any.pack(com.google.rpc.RetryInfo.newBuilder().setRetryDelay(delay).build()));
    }
    if (error instanceof DependencyUnavailableException) {
      return status(Code.UNAVAILABLE, error.getMessage(), null);
    }
    log.error("unexpected error while handling a gRPC call", error);
    return status(Code.INTERNAL, "internal error", null);
  }

  private static StatusException status(Code code, String message, Any detail) {
    var status = com.google.rpc.Status.newBuilder().setCode(code.getNumber()).setMessage(message);
    if (detail != null) {
      status.addDetails(detail);
    }
    return StatusProto.toStatusException(status.build());
  }
}
