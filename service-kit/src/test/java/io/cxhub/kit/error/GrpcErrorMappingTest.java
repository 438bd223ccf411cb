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
    assertThat(details).hasSize(1);
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
}
