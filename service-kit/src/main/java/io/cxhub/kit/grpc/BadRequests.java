package io.cxhub.kit.grpc;

import com.google.protobuf.Any;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import com.google.rpc.ErrorInfo;
import io.cxhub.kit.error.FieldViolation;
import io.grpc.StatusException;
import io.grpc.protobuf.StatusProto;
import java.util.List;

/**
 * The INVALID_ARGUMENT status of a request with invalid fields, bounded so that it always
 * fits in the gRPC trailers whatever the number of violations: gRPC carries the status
 * details in a trailer, and a {@code google.rpc.BadRequest} listing thousands of fields
 * outgrows what a client accepts (8 KiB by default in grpc-java), which turned such
 * requests into failed calls (HTTP 500) instead of 400s.
 *
 * <p>The status lists the first {@value #MAX_LISTED} violations, as long as they fit in
 * {@value #MAX_DETAIL_BYTES} bytes (each field path and description cut to
 * {@value #MAX_TEXT} characters), and carries the total number in a
 * {@code google.rpc.ErrorInfo} (reason {@value #REASON}, metadata {@value #TOTAL_KEY}).
 * The status message is one violation's text, or a count, at most {@value #MAX_MESSAGE}
 * characters. The whole trailer stays under {@value #MAX_TRAILER_BYTES} bytes, the size the
 * gateway's and the services' channels accept.
 */
public final class BadRequests {

  public static final int MAX_LISTED = 100;
  public static final int MAX_DETAIL_BYTES = 16 * 1024;
  public static final int MAX_TEXT = 300;
  public static final int MAX_MESSAGE = 500;
  /** Trailer size the CX Hub channels accept (grpc-java's default is 8 KiB). */
  public static final int MAX_TRAILER_BYTES = 64 * 1024;
  public static final String REASON = "INVALID_FIELDS";
  public static final String DOMAIN = "cxhub.io";
  public static final String TOTAL_KEY = "violationCount";

  private BadRequests() {}

  /** The bounded INVALID_ARGUMENT status for these violations (at least one). */
  public static StatusException invalidArgument(List<FieldViolation> violations) {
    var badRequest = BadRequest.newBuilder();
    int listed = 0;
    for (FieldViolation violation : violations) {
      if (listed == MAX_LISTED) {
        break;
      }
      var entry = BadRequest.FieldViolation.newBuilder()
          .setField(cut(violation.field()))
          .setDescription(cut(violation.description()))
          .build();
      // an entry costs its own size plus a tag and a length prefix of up to 3 bytes
      if (badRequest.build().getSerializedSize() + entry.getSerializedSize() + 4 > MAX_DETAIL_BYTES) {
        break;
      }
      badRequest.addFieldViolations(entry);
      listed++;
    }
    String message = violations.size() == 1
        ? cutTo(violations.get(0).field() + ": " + violations.get(0).description(), MAX_MESSAGE)
        : "The request has " + violations.size() + " invalid fields"
            + (listed < violations.size() ? "; the first " + listed + " are listed." : ".");
    var status = com.google.rpc.Status.newBuilder()
        .setCode(Code.INVALID_ARGUMENT_VALUE)
        .setMessage(message)
        .addDetails(Any.pack(badRequest.build()))
        .addDetails(Any.pack(ErrorInfo.newBuilder()
            .setReason(REASON)
            .setDomain(DOMAIN)
            .putMetadata(TOTAL_KEY, Integer.toString(violations.size()))
            .build()));
    return StatusProto.toStatusException(status.build());
  }

  private static String cut(String text) {
    return cutTo(text == null ? "" : text, MAX_TEXT);
  }

  private static String cutTo(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int end = max - 1;
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end) + "…";
  }
}
