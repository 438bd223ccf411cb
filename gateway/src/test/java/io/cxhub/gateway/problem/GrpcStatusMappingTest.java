package io.cxhub.gateway.problem;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GrpcStatusMappingTest {

  @ParameterizedTest(name = "{0} is HTTP {1}")
  @CsvSource({
      "OK, 200", "CANCELLED, 499", "UNKNOWN, 500", "INVALID_ARGUMENT, 400", "DEADLINE_EXCEEDED, 504",
      "NOT_FOUND, 404", "ALREADY_EXISTS, 409", "PERMISSION_DENIED, 403", "UNAUTHENTICATED, 401",
      "RESOURCE_EXHAUSTED, 429", "FAILED_PRECONDITION, 400", "ABORTED, 409", "OUT_OF_RANGE, 400",
      "UNIMPLEMENTED, 501", "INTERNAL, 500", "UNAVAILABLE, 503", "DATA_LOSS, 500"})
  void followsGooglesStandardMapping(Status.Code code, int httpStatus) {
    assertThat(GrpcStatusMapping.httpStatus(code)).isEqualTo(httpStatus);
  }

  @ParameterizedTest
  @CsvSource({"FAILED_PRECONDITION, urn:cx:problem:failed-precondition, Failed precondition"})
  void namesTheProblemTypeAfterTheCode(Status.Code code, String type, String title) {
    Problem problem = GrpcStatusMapping.problem(code, "detail");

    assertThat(problem.type()).isEqualTo(type);
    assertThat(problem.title()).isEqualTo(title);
  }
}
