package io.cxhub.journey.journey.grpc;

import com.google.protobuf.Empty;
import io.cxhub.journey.journey.JourneyCatalog;
import io.cxhub.journey.journey.Journeys.JourneyFilter;
import io.cxhub.kit.error.InvalidInputException;
import io.cxhub.kit.tenant.TenantContext;
import io.cxhub.proto.journey.v1.ArchiveJourneyRequest;
import io.cxhub.proto.journey.v1.CreateJourneyRequest;
import io.cxhub.proto.journey.v1.DeleteJourneyRequest;
import io.cxhub.proto.journey.v1.GetJourneyRequest;
import io.cxhub.proto.journey.v1.Journey;
import io.cxhub.proto.journey.v1.JourneyServiceGrpc;
import io.cxhub.proto.journey.v1.ListJourneysRequest;
import io.cxhub.proto.journey.v1.ListJourneysResponse;
import io.cxhub.proto.journey.v1.UnarchiveJourneyRequest;
import io.cxhub.proto.journey.v1.UpdateJourneyRequest;
import io.grpc.stub.StreamObserver;
import java.util.LinkedHashSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The {@code cx.journey.v1.JourneyService} endpoint: maps messages, takes the tenant from
 * the call, delegates to {@link JourneyCatalog}. Domain exceptions travel to the kit's
 * exception handler, which turns them into gRPC statuses.
 */
@Service
class JourneyGrpcService extends JourneyServiceGrpc.JourneyServiceImplBase {

  private static final Logger log = LoggerFactory.getLogger(JourneyGrpcService.class);

  private final JourneyCatalog catalog;

  JourneyGrpcService(JourneyCatalog catalog) {
    this.catalog = catalog;
  }

  @Override
  public void createJourney(CreateJourneyRequest request, StreamObserver<Journey> response) {
    String tenant = TenantContext.require();
    if (!request.hasJourney()) {
      throw InvalidInputException.of("journey", "is required");
    }
    var created = catalog.create(tenant, JourneyProtoMapper.toMap(request.getJourney()));
    log.info("journey created tenant={} journeyId={} stages={}", tenant, created.id(), created.stages().size());
    reply(response, JourneyProtoMapper.toProto(created));
  }

  @Override
  public void getJourney(GetJourneyRequest request, StreamObserver<Journey> response) {
    reply(response, JourneyProtoMapper.toProto(catalog.get(TenantContext.require(), request.getJourneyId())));
  }

  @Override
  public void listJourneys(ListJourneysRequest request, StreamObserver<ListJourneysResponse> response) {
    var filter = new JourneyFilter(JourneyProtoMapper.toDomain(request.getState()), request.getOwnerTeam(),
        request.getNameContains());
    var page = catalog.list(TenantContext.require(), filter, request.getPageSize(), request.getPageToken());
    reply(response, ListJourneysResponse.newBuilder()
        .addAllJourneys(JourneyProtoMapper.toProto(page.journeys()))
        .setNextPageToken(page.nextPageToken())
        .build());
  }

  @Override
  public void updateJourney(UpdateJourneyRequest request, StreamObserver<Journey> response) {
    String tenant = TenantContext.require();
    if (!request.hasJourney()) {
      throw InvalidInputException.of("journey", "is required");
    }
    var journey = request.getJourney();
    var updated = catalog.update(tenant, journey.getJourneyId(), JourneyProtoMapper.toMap(journey),
        new LinkedHashSet<>(request.getUpdateMask().getPathsList()), journey.getEtag());
    log.info("journey updated tenant={} journeyId={} version={}", tenant, updated.id(), updated.version());
    reply(response, JourneyProtoMapper.toProto(updated));
  }

  @Override
  public void archiveJourney(ArchiveJourneyRequest request, StreamObserver<Journey> response) {
    reply(response, JourneyProtoMapper.toProto(catalog.archive(TenantContext.require(), request.getJourneyId())));
  }

  @Override
  public void unarchiveJourney(UnarchiveJourneyRequest request, StreamObserver<Journey> response) {
    reply(response, JourneyProtoMapper.toProto(catalog.unarchive(TenantContext.require(), request.getJourneyId())));
  }

  @Override
  public void deleteJourney(DeleteJourneyRequest request, StreamObserver<Empty> response) {
    String tenant = TenantContext.require();
    catalog.delete(tenant, request.getJourneyId(), request.getEtag());
    log.info("journey deleted tenant={} journeyId={}", tenant, request.getJourneyId());
    reply(response, Empty.getDefaultInstance());
  }

  private static <T> void reply(StreamObserver<T> response, T message) {
    response.onNext(message);
    response.onCompleted();
  }
}
