package io.cxhub.gateway.problem;

import static io.cxhub.gateway.testing.Catalogs.CATALOG;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.Any;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.grpc.Status;
import io.grpc.protobuf.StatusProto;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProblemsTest {

  private static final Descriptor SUBMIT = CATALOG.message("cx.survey.v1.SubmitResponseRequest").orElseThrow();
  private static final Descriptor CREATE_SURVEY = CATALOG.message("cx.survey.v1.CreateSurveyRequest").orElseThrow();

  @Test
  void namesEachFieldViolationOfABadRequestInJsonNames() {
    var status = com.google.rpc.Status.newBuilder()
        .setCode(Code.INVALID_ARGUMENT_VALUE)
        .setMessage("2 answers are invalid")
        .addDetails(Any.pack(BadRequest.newBuilder()
            .addFieldViolations(violation("answers[0].score", "Must be from 0 to 10."))
            .addFieldViolations(violation("idempotency_key", "At most 128 characters."))
            .build()))
        .build();

    Problem problem = Problems.from(StatusProto.toStatusRuntimeException(status), SUBMIT, "survey");

    assertThat(problem.status()).isEqualTo(400);
    assertThat(problem.type()).isEqualTo("urn:cx:problem:invalid-argument");
    assertThat(problem.detail()).isEqualTo("The request has 2 invalid fields.");
    assertThat(problem.totalErrors()).isEqualTo(2);
    assertThat(problem.errors()).containsExactly(
        new FieldViolation("answers[0].score", "Must be from 0 to 10."),
        new FieldViolation("idempotencyKey", "At most 128 characters."));
  }

  @Test
  void aFailedPreconditionCarriesTheServicesReason() throws Exception {
    var status = com.google.rpc.Status.newBuilder()
        .setCode(Code.FAILED_PRECONDITION_VALUE)
        .setMessage("this survey link is paused; try again later")
        .addDetails(Any.pack(com.google.rpc.ErrorInfo.newBuilder().setReason("LINK_PAUSED").setDomain("cxhub.io").build()))
        .build();

    Problem problem = Problems.from(StatusProto.toStatusRuntimeException(status), SUBMIT, "survey");

    assertThat(problem.status()).isEqualTo(400);
    assertThat(problem.detail()).contains("paused");
    assertThat(problem.reason()).isEqualTo("LINK_PAUSED");
    assertThat(new ObjectMapper().writeValueAsString(problem)).contains("\"reason\":\"LINK_PAUSED\"");
  }

  @Test
  void writesTheDetailOfOneViolationWithTheJsonNameTheErrorsUse() {
    var status = com.google.rpc.Status.newBuilder()
        .setCode(Code.INVALID_ARGUMENT_VALUE)
        .setMessage("survey.questions[0].scale_max: must be at most 11")
        .addDetails(Any.pack(BadRequest.newBuilder()
            .addFieldViolations(violation("survey.questions[0].scale_max", "must be at most 11")).build()))
        .build();

    Problem problem = Problems.from(StatusProto.toStatusRuntimeException(status), CREATE_SURVEY, "survey");

    assertThat(problem.detail()).isEqualTo("survey.questions[0].scaleMax: must be at most 11");
    assertThat(problem.errors()).extracting(FieldViolation::field).containsExactly("survey.questions[0].scaleMax");
  }

  @Test
  void carriesTheTotalTheServiceReportsWhenItListsOnlyTheFirstViolations() {
    var badRequest = BadRequest.newBuilder();
    for (int i = 0; i < 100; i++) {
      badRequest.addFieldViolations(violation("answers[" + i + "].question_id", "unknown question"));
    }
    var status = com.google.rpc.Status.newBuilder()
        .setCode(Code.INVALID_ARGUMENT_VALUE)
        .setMessage("The request has 10000 invalid fields; the first 100 are listed.")
        .addDetails(Any.pack(badRequest.build()))
        .addDetails(Any.pack(com.google.rpc.ErrorInfo.newBuilder().setReason("INVALID_FIELDS").setDomain("cxhub.io")
            .putMetadata("violationCount", "10000").build()))
        .build();

    Problem problem = Problems.from(StatusProto.toStatusRuntimeException(status), SUBMIT, "survey");

    assertThat(problem.errors()).hasSize(100);
    assertThat(problem.errors().get(99).field()).isEqualTo("answers[99].questionId");
    assertThat(problem.totalErrors()).isEqualTo(10_000);
    assertThat(problem.detail()).isEqualTo("The request has 10000 invalid fields; the first 100 are listed in errors.");
  }

  @Test
  void convertsNestedProtoPathsSegmentBySegment() {
    assertThat(FieldPaths.toJson(CREATE_SURVEY, "survey.questions[2].scale_max"))
        .isEqualTo("survey.questions[2].scaleMax");
    assertThat(FieldPaths.toJson(CREATE_SURVEY, "survey.create_time")).isEqualTo("survey.createTime");
    assertThat(FieldPaths.toJson(CREATE_SURVEY, "not_a_field.some_thing")).isEqualTo("notAField.someThing");
    assertThat(FieldPaths.toJson(CREATE_SURVEY, "labels[\"a.b\"].x_y")).isEqualTo("labels[\"a.b\"].xY");
  }

  @Test
  void mapsBackendStatusesWithoutLeakingServerSideDetails() {
    Problem notFound = Problems.from(Status.NOT_FOUND.withDescription("Survey 's1' does not exist.").asRuntimeException(),
        SUBMIT, "survey");
    Problem internal = Problems.from(Status.INTERNAL.withDescription("NPE at Foo.java:12").asRuntimeException(),
        SUBMIT, "survey");
    Problem unavailable = Problems.from(Status.UNAVAILABLE.withDescription("io exception 10.0.0.7").asRuntimeException(),
        SUBMIT, "survey");

    assertThat(notFound.status()).isEqualTo(404);
    assertThat(notFound.detail()).isEqualTo("Survey 's1' does not exist.");
    assertThat(internal.status()).isEqualTo(500);
    assertThat(internal.detail()).doesNotContain("NPE");
    assertThat(unavailable.status()).isEqualTo(503);
    assertThat(unavailable.detail()).doesNotContain("10.0.0.7");
  }

  @Test
  void reportsAnOpenCircuitAsUnavailable() {
    var breaker = CircuitBreaker.ofDefaults("survey");
    breaker.transitionToOpenState();

    Problem problem = Problems.from(CallNotPermittedException.createCallNotPermittedException(breaker), SUBMIT, "survey");

    assertThat(problem.status()).isEqualTo(503);
  }

  @Test
  void treatsOtherExceptionsAsInternalErrors() {
    assertThat(Problems.from(new IllegalStateException("bug"), SUBMIT, "survey").status()).isEqualTo(500);
  }

  @Test
  void serializesAsRfc9457WithErrors() throws Exception {
    Problem problem = Problem.badRequest("The request has an invalid field.",
            List.of(new FieldViolation("answers[0].score", "Expected an integer.")))
        .withInstance("/v1/surveys/s1/responses", "req-1");

    String json = new ObjectMapper().writeValueAsString(problem);

    assertThat(json).isEqualTo("{\"type\":\"urn:cx:problem:invalid-argument\",\"title\":\"Invalid argument\","
        + "\"status\":400,\"detail\":\"The request has an invalid field.\",\"instance\":\"/v1/surveys/s1/responses\","
        + "\"requestId\":\"req-1\",\"errors\":[{\"field\":\"answers[0].score\",\"message\":\"Expected an integer.\"}],"
        + "\"totalErrors\":1}");
  }

  private static BadRequest.FieldViolation violation(String field, String description) {
    return BadRequest.FieldViolation.newBuilder().setField(field).setDescription(description).build();
  }
}
