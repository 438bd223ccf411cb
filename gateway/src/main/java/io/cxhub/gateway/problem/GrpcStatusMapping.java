package io.cxhub.gateway.problem;

import io.grpc.Status;
import java.util.Locale;

/**
 * Google's standard mapping of gRPC status codes to HTTP statuses (the one of
 * {@code google/rpc/code.proto} and gRPC-HTTP transcoding), with the problem type and
 * title the gateway uses for each code.
 */
public final class GrpcStatusMapping {

  private GrpcStatusMapping() {}

  public static int httpStatus(Status.Code code) {
    return switch (code) {
      case OK -> 200;
      case CANCELLED -> 499;
      case UNKNOWN -> 500;
      case INVALID_ARGUMENT -> 400;
      case DEADLINE_EXCEEDED -> 504;
      case NOT_FOUND -> 404;
      case ALREADY_EXISTS -> 409;
      case PERMISSION_DENIED -> 403;
      case UNAUTHENTICATED -> 401;
      case RESOURCE_EXHAUSTED -> 429;
      case FAILED_PRECONDITION -> 400;
      case ABORTED -> 409;
      case OUT_OF_RANGE -> 400;
      case UNIMPLEMENTED -> 501;
      case INTERNAL -> 500;
      case UNAVAILABLE -> 503;
      case DATA_LOSS -> 500;
    };
  }

  /** {@code INVALID_ARGUMENT} → {@code invalid-argument}. */
  public static String kind(Status.Code code) {
    return code.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** {@code INVALID_ARGUMENT} → {@code Invalid argument}. */
  public static String title(Status.Code code) {
    String words = code.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  /** A problem for a status, with the given detail. */
  public static Problem problem(Status.Code code, String detail) {
    return Problem.of(kind(code), title(code), httpStatus(code), detail);
  }
}
