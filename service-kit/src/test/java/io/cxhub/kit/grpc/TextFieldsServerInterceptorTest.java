package io.cxhub.kit.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.rpc.BadRequest;
import io.cxhub.proto.persona.v1.CreatePersonaRequest;
import io.cxhub.proto.persona.v1.Demographics;
import io.cxhub.proto.persona.v1.Persona;
import io.cxhub.proto.persona.v1.PersonaServiceGrpc;
import io.cxhub.proto.survey.v1.Survey;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TextFieldsServerInterceptorTest {

  private final List<CreatePersonaRequest> received = new ArrayList<>();
  private final String name = "text-" + UUID.randomUUID();
  private final Server server;
  private final ManagedChannel channel;

  TextFieldsServerInterceptorTest() throws Exception {
    var service = new PersonaServiceGrpc.PersonaServiceImplBase() {
      @Override
      public void createPersona(CreatePersonaRequest request, StreamObserver<Persona> responses) {
        received.add(request);
        responses.onNext(request.getPersona());
        responses.onCompleted();
      }
    };
    server = InProcessServerBuilder.forName(name).directExecutor()
        .addService(ServerInterceptors.intercept(service, new TextFieldsServerInterceptor())).build().start();
    channel = InProcessChannelBuilder.forName(name).directExecutor().build();
  }

  @AfterEach
  void stop() {
    channel.shutdownNow();
    server.shutdownNow();
  }

  @Test
  void refusesANulByteNamingEveryFieldAndTheServiceNeverSeesIt() throws Exception {
    var request = CreatePersonaRequest.newBuilder().setPersona(Persona.newBuilder()
        .setName("Bob\u0000by")
        .setDemographics(Demographics.newBuilder().addLocations("Lyon").addLocations("Pa\u0000ris"))).build();

    var error = catchThrowableOfType(StatusRuntimeException.class,
        () -> PersonaServiceGrpc.newBlockingStub(channel).createPersona(request));

    assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    var badRequest = StatusProto.fromThrowable(error).getDetails(0).unpack(BadRequest.class);
    assertThat(badRequest.getFieldViolationsList()).extracting(BadRequest.FieldViolation::getField)
        .containsExactlyInAnyOrder("persona.name", "persona.demographics.locations[1]");
    assertThat(badRequest.getFieldViolations(0).getDescription()).contains("NUL");
    assertThat(received).isEmpty();
  }

  @Test
  void letsCleanTextThrough() {
    var request = CreatePersonaRequest.newBuilder().setPersona(Persona.newBuilder().setName("Zoé 👋")).build();

    assertThat(PersonaServiceGrpc.newBlockingStub(channel).createPersona(request).getName()).isEqualTo("Zoé 👋");
    assertThat(received).hasSize(1);
  }

  @Test
  void findsLoneSurrogatesAndBadMapEntries() {
    var survey = Survey.newBuilder().setTitle("ok \ud83d\udc4b").putTitleTranslations("fr", "x\ud800y")
        .putTitleTranslations("e\u0000n", "fine").build();

    assertThat(TextFields.violations(survey)).extracting(v -> v.field())
        .containsExactlyInAnyOrder("title_translations[fr]", "title_translations[e\u0000n]");
    assertThat(TextFields.problem("\udc00")).isPresent();
    assertThat(TextFields.problem("a\ud83d")).isPresent();
  }
}
