package io.cxhub.persona.persona.grpc;

import io.cxhub.kit.error.InvalidInputException;
import io.cxhub.kit.tenant.TenantContext;
import com.google.protobuf.Empty;
import io.cxhub.persona.persona.PersonaCatalog;
import io.cxhub.persona.persona.PersonaDeletion;
import io.cxhub.proto.persona.v1.CreatePersonaRequest;
import io.cxhub.proto.persona.v1.DeletePersonaRequest;
import io.cxhub.proto.persona.v1.GetPersonaRequest;
import io.cxhub.proto.persona.v1.ListPersonasRequest;
import io.cxhub.proto.persona.v1.ListPersonasResponse;
import io.cxhub.proto.persona.v1.Persona;
import io.cxhub.proto.persona.v1.PersonaServiceGrpc;
import io.cxhub.proto.persona.v1.UpdatePersonaRequest;
import io.grpc.stub.StreamObserver;
import java.util.LinkedHashSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The {@code cx.persona.v1.PersonaService} endpoint: maps messages, takes the tenant from
 * the call, delegates to {@link PersonaCatalog} and {@link PersonaDeletion}. Domain exceptions travel to the kit's
 * exception handler, which turns them into gRPC statuses.
 */
@Service
class PersonaGrpcService extends PersonaServiceGrpc.PersonaServiceImplBase {

  private static final Logger log = LoggerFactory.getLogger(PersonaGrpcService.class);

  private final PersonaCatalog catalog;
  private final PersonaDeletion deletion;

  PersonaGrpcService(PersonaCatalog catalog, PersonaDeletion deletion) {
    this.catalog = catalog;
    this.deletion = deletion;
  }

  @Override
  public void createPersona(CreatePersonaRequest request, StreamObserver<Persona> response) {
    String tenant = TenantContext.require();
    if (!request.hasPersona()) {
      throw InvalidInputException.of("persona", "is required");
    }
    var created = catalog.create(tenant, PersonaProtoMapper.toProfile(request.getPersona()));
    log.info("persona created tenant={} personaId={}", tenant, created.id());
    response.onNext(PersonaProtoMapper.toProto(created));
    response.onCompleted();
  }

  @Override
  public void getPersona(GetPersonaRequest request, StreamObserver<Persona> response) {
    var persona = catalog.get(TenantContext.require(), request.getPersonaId());
    response.onNext(PersonaProtoMapper.toProto(persona));
    response.onCompleted();
  }

  @Override
  public void listPersonas(ListPersonasRequest request, StreamObserver<ListPersonasResponse> response) {
    var page = catalog.list(TenantContext.require(), request.getPageSize(), request.getPageToken());
    response.onNext(ListPersonasResponse.newBuilder()
        .addAllPersonas(PersonaProtoMapper.toProto(page.personas()))
        .setNextPageToken(page.nextPageToken())
        .build());
    response.onCompleted();
  }

  @Override
  public void updatePersona(UpdatePersonaRequest request, StreamObserver<Persona> response) {
    String tenant = TenantContext.require();
    if (!request.hasPersona()) {
      throw InvalidInputException.of("persona", "is required");
    }
    var persona = request.getPersona();
    var updated = catalog.update(tenant, persona.getPersonaId(), PersonaProtoMapper.toProfile(persona),
        new LinkedHashSet<>(request.getUpdateMask().getPathsList()), persona.getEtag());
    log.info("persona updated tenant={} personaId={} version={}", tenant, updated.id(), updated.version());
    response.onNext(PersonaProtoMapper.toProto(updated));
    response.onCompleted();
  }

  @Override
  public void deletePersona(DeletePersonaRequest request, StreamObserver<Empty> response) {
    String tenant = TenantContext.require();
    deletion.delete(tenant, request.getPersonaId(), request.getEtag());
    log.info("persona deleted tenant={} personaId={}", tenant, request.getPersonaId());
    response.onNext(Empty.getDefaultInstance());
    response.onCompleted();
  }
}
