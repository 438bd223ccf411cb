package io.cxhub.gateway.problem;

import com.google.protobuf.Any;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.grpc.Status;
import io.grpc.protobuf.StatusProto;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.io.buffer.DataBufferLimitException;

/**
 * Turns whatever ended a call into the problem the HTTP client sees. Backend statuses map
 * by {@link GrpcStatusMapping}; {@code google.rpc.BadRequest} field violations become
 * {@code errors} with JSON field names. The descriptions of server-side failures are not
 * passed on (they may name hosts or internals); they are logged by the caller instead.
 */
public final class Problems {

  private Problems() {}

  /**
   * @param requestType the request message of the RPC, to name fields in JSON; null if the
   *     failure happened before an RPC was chosen
   * @param backend the backend called, for messages
   */
  public static Problem from(Throwable error, Descriptor requestType, String backend) {
    if (error instanceof ProblemException problem) {
      return problem.problem();
    }
    if (error instanceof DataBufferLimitException) {
      return payloadTooLarge("The request body is too large.");
    }
    if (error instanceof CallNotPermittedException) {
      return GrpcStatusMapping.problem(Status.Code.UNAVAILABLE,
          "The " + backend + " service is failing; calls to it are paused for a moment. Retry later.");
    }
    Status status = Status.fromThrowable(error);
    if (status.getCode() == Status.Code.UNKNOWN && status.getCause() == error) {
      // not a gRPC failure at all: a bug on our side
      return GrpcStatusMapping.problem(Status.Code.INTERNAL, "The gateway failed to handle the request.");
    }
    return fromStatus(status, StatusProto.fromThrowable(error), requestType, backend);
  }

  static Problem fromStatus(Status status, com.google.rpc.Status details, Descriptor requestType, String backend) {
    Status.Code code = status.getCode();
    String detail = switch (code) {
      case UNKNOWN, INTERNAL, DATA_LOSS -> "The " + backend + " service failed to handle the request.";
      case UNAVAILABLE -> "The " + backend + " service is unavailable. Retry later.";
      case DEADLINE_EXCEEDED -> "The " + backend + " service did not answer in time.";
      case CANCELLED -> "The request was cancelled.";
      default -> status.getDescription() == null || status.getDescription().isBlank()
          ? GrpcStatusMapping.title(code) + "." : status.getDescription();
    };
    Problem problem = GrpcStatusMapping.problem(code, detail);
    String reason = reason(details);
    if (reason != null) {
      problem = problem.withReason(reason);
    }
    List<FieldViolation> violations = violations(details, requestType);
    if (violations.isEmpty()) {
      return problem;
    }
    // the detail is rewritten from the violations: the service's message names fields in
    // proto names (settings.time_zone), the client sent JSON names (settings.timeZone)
    List<FieldViolation> listed = violations.subList(0, Math.min(violations.size(), Problem.MAX_LISTED_ERRORS));
    return problem.withErrors(listed, Math.max(violations.size(), totalViolations(details)));
  }

  private static List<FieldViolation> violations(com.google.rpc.Status details, Descriptor requestType) {
    if (details == null) {
      return List.of();
    }
    var violations = new ArrayList<FieldViolation>();
    for (Any any : details.getDetailsList()) {
      if (!any.is(BadRequest.class)) {
        continue;
      }
      try {
        for (BadRequest.FieldViolation v : any.unpack(BadRequest.class).getFieldViolationsList()) {
          String field = requestType == null ? v.getField() : FieldPaths.toJson(requestType, v.getField());
          violations.add(new FieldViolation(field, v.getDescription()));
        }
      } catch (InvalidProtocolBufferException e) {
        // a malformed detail is dropped; the status itself is still reported
      }
    }
    return violations;
  }

  /**
   * The total number of invalid fields the service reports in a {@code google.rpc.ErrorInfo}
   * (reason {@code INVALID_FIELDS}, metadata {@code violationCount}), when it lists only the
   * first ones; 0 when it does not say.
   */
  private static int totalViolations(com.google.rpc.Status details) {
    for (Any any : details.getDetailsList()) {
      if (any.is(ErrorInfo.class)) {
        try {
          ErrorInfo info = any.unpack(ErrorInfo.class);
          if ("INVALID_FIELDS".equals(info.getReason())) {
            return Integer.parseInt(info.getMetadataOrDefault("violationCount", "0"));
          }
        } catch (InvalidProtocolBufferException | NumberFormatException e) {
          return 0;
        }
      }
    }
    return 0;
  }

  /** The service's {@code google.rpc.ErrorInfo} reason, except the invalid-fields count; or null. */
  private static String reason(com.google.rpc.Status details) {
    if (details == null) {
      return null;
    }
    for (Any any : details.getDetailsList()) {
      if (any.is(ErrorInfo.class)) {
        try {
          String reason = any.unpack(ErrorInfo.class).getReason();
          if (!reason.isEmpty() && !"INVALID_FIELDS".equals(reason)) {
            return reason;
          }
        } catch (InvalidProtocolBufferException e) {
          return null;
        }
      }
    }
    return null;
  }

  public static Problem payloadTooLarge(String detail) {
    return Problem.of("payload-too-large", "Payload too large", 413, detail);
  }

  public static Problem notFound(String detail) {
    return GrpcStatusMapping.problem(Status.Code.NOT_FOUND, detail);
  }

  public static Problem methodNotAllowed(String detail) {
    return Problem.of("method-not-allowed", "Method not allowed", 405, detail);
  }

  public static Problem unsupportedMediaType(String detail) {
    return Problem.of("unsupported-media-type", "Unsupported media type", 415, detail);
  }

  public static Problem unauthenticated(String detail) {
    return GrpcStatusMapping.problem(Status.Code.UNAUTHENTICATED, detail);
  }

  public static Problem permissionDenied(String detail) {
    return GrpcStatusMapping.problem(Status.Code.PERMISSION_DENIED, detail);
  }

  public static Problem internal(String detail) {
    return GrpcStatusMapping.problem(Status.Code.INTERNAL, detail);
  }
}
