package io.cxhub.kit.error;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.rpc.BadRequest;
import io.grpc.Status;
import io.grpc.protobuf.StatusProto;
import org.junit.jupiter.api.Test;

class GrpcErrorMappingTest {

  private final GrpcErrorMapping mapping = new GrpcErrorMapping();

  @Test
  void invalidInputBecomesInvalidArgumentWithFieldViolations() throws Exception {
    var status = mapping.handleException(InvalidInputException.of("answers[0].score", "must be between 0 and 10"));

    assertThat(status.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    var details = StatusProto.fromThrowable(status).getDetailsList();
    assertThat(details).hasSize(2);
    var badRequest = details.get(0).unpack(BadRequest.class);
    assertThat(badRequest.getFieldViolations(0).getField()).isEqualTo("answers[0].score");
    assertThat(badRequest.getFieldViolations(0).getDescription()).isEqualTo("must be between 0 and 10");
  }

  @Test
  void domainExceptionsMapToTheirStatuses() {
    assertThat(mapping.handleException(new NotFoundException("survey", "x")).getStatus().getCode())
        .isEqualTo(Status.Code.NOT_FOUND);
    assertThat(mapping.handleException(new AlreadyExistsException("dup")).getStatus().getCode())
        .isEqualTo(Status.Code.ALREADY_EXISTS);
    assertThat(mapping.handleException(new PreconditionFailedException("closed")).getStatus().getCode())
        .isEqualTo(Status.Code.FAILED_PRECONDITION);
    assertThat(mapping.handleException(new DependencyUnavailableException("down", null)).getStatus().getCode())
        .isEqualTo(Status.Code.UNAVAILABLE);
  }

  @Test
  void unexpectedErrorsDoNotLeakTheirMessage() {
    var status = mapping.handleException(new IllegalStateException("secret connection string"));
    assertThat(status.getStatus().getCode()).isEqualTo(Status.Code.INTERNAL);
    assertThat(status.getStatus().getDescription()).doesNotContain("secret");
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(ints = {1, 20, 100, 10_000})
  void anyNumberOfViolationsFitsInTheTrailersWithTheirTotal(int count) throws Exception {
    var violations = new java.util.ArrayList<FieldViolation>();
    for (int i = 0; i < count; i++) {
      violations.add(new FieldViolation("survey.questions[" + i + "].scale_max",
          "must be between 2 and 11; this is a long description to weigh on the trailer " + "x".repeat(i % 50)));
    }

    var status = mapping.handleException(new InvalidInputException(violations));

    assertThat(status.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    var proto = StatusProto.fromThrowable(status);
    // what travels: the status proto (base64 in grpc-status-details-bin) and the message
    assertThat(proto.getSerializedSize() * 4 / 3 + proto.getMessage().length() * 3)
        .isLessThan(io.cxhub.kit.grpc.BadRequests.MAX_TRAILER_BYTES);
    var listed = proto.getDetails(0).unpack(BadRequest.class).getFieldViolationsCount();
    assertThat(listed).isEqualTo(Math.min(count, io.cxhub.kit.grpc.BadRequests.MAX_LISTED));
    var info = proto.getDetails(1).unpack(com.google.rpc.ErrorInfo.class);
    assertThat(info.getMetadataOrThrow(io.cxhub.kit.grpc.BadRequests.TOTAL_KEY)).isEqualTo(Integer.toString(count));
    assertThat(proto.getMessage().length()).isLessThanOrEqualTo(io.cxhub.kit.grpc.BadRequests.MAX_MESSAGE);
  }

  @Test
  void cutsHugeFieldTextsAndStaysWithinTheByteBudget() throws Exception {
    var violations = java.util.stream.IntStream.range(0, 500)
        .mapToObj(i -> new FieldViolation("labels[" + "k".repeat(5_000) + "]", "d".repeat(5_000)))
        .toList();

    var proto = StatusProto.fromThrowable(mapping.handleException(new InvalidInputException(violations)));
    var badRequest = proto.getDetails(0).unpack(BadRequest.class);

    assertThat(badRequest.getSerializedSize()).isLessThanOrEqualTo(io.cxhub.kit.grpc.BadRequests.MAX_DETAIL_BYTES);
    assertThat(badRequest.getFieldViolations(0).getField().length()).isLessThanOrEqualTo(io.cxhub.kit.grpc.BadRequests.MAX_TEXT);
    assertThat(proto.getMessage()).contains("500 invalid fields");
  }
}
