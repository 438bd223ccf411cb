package io.cxhub.journey.journey.grpc;

import io.cxhub.journey.journey.JourneyCatalog;
import io.cxhub.kit.error.InvalidInputException;
import io.cxhub.kit.tenant.TenantContext;
import io.cxhub.proto.journey.v1.CreateJourneyRequest;
import io.cxhub.proto.journey.v1.GetJourneyRequest;
import io.cxhub.proto.journey.v1.Journey;
import io.cxhub.proto.journey.v1.JourneyServiceGrpc;
import io.cxhub.proto.journey.v1.ListJourneysRequest;
import io.cxhub.proto.journey.v1.ListJourneysResponse;
import io.grpc.stub.StreamObserver;
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
    var created = catalog.create(tenant, JourneyProtoMapper.toDraft(request.getJourney()));
    log.info("journey created tenant={} journeyId={} stages={}", tenant, created.id(), created.stages().size());
    response.onNext(JourneyProtoMapper.toProto(created));
    response.onCompleted();
  }

  @Override
  public void getJourney(GetJourneyRequest request, StreamObserver<Journey> response) {
    var journey = catalog.get(TenantContext.require(), request.getJourneyId());
    response.onNext(JourneyProtoMapper.toProto(journey));
    response.onCompleted();
  }

  @Override
  public void listJourneys(ListJourneysRequest request, StreamObserver<ListJourneysResponse> response) {
    var page = catalog.list(TenantContext.require(), request.getPageSize(), request.getPageToken());
    response.onNext(ListJourneysResponse.newBuilder()
        .addAllJourneys(JourneyProtoMapper.toProto(page.journeys()))
        .setNextPageToken(page.nextPageToken())
        .build());
    response.onCompleted();
  }
}
