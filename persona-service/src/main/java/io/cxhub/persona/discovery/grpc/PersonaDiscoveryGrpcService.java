package io.cxhub.persona.discovery.grpc;

import io.cxhub.kit.grpc.ProtoTimestamps;
import io.cxhub.kit.tenant.TenantContext;
import io.cxhub.persona.discovery.CustomerFeatures;
import io.cxhub.persona.discovery.DiscoverPersonas;
import io.cxhub.persona.discovery.PersonaDiscovery;
import io.cxhub.persona.persona.grpc.PersonaProtoMapper;
import io.cxhub.proto.persona.v1.AdoptPersonaProposalRequest;
import io.cxhub.proto.persona.v1.AdoptPersonaProposalResponse;
import io.cxhub.proto.persona.v1.DiscoverPersonasRequest;
import io.cxhub.proto.persona.v1.GetPersonaDiscoveryRequest;
import io.cxhub.proto.persona.v1.ListPersonaDiscoveriesRequest;
import io.cxhub.proto.persona.v1.ListPersonaDiscoveriesResponse;
import io.cxhub.proto.persona.v1.PersonaDiscoveryServiceGrpc;
import io.cxhub.proto.persona.v1.PersonaProposal;
import io.grpc.stub.StreamObserver;
import java.util.Map;
import org.springframework.stereotype.Service;

/** The cx.persona.v1.PersonaDiscoveryService endpoint (tenant-scoped). */
@Service
class PersonaDiscoveryGrpcService extends PersonaDiscoveryServiceGrpc.PersonaDiscoveryServiceImplBase {

  private final DiscoverPersonas discover;

  PersonaDiscoveryGrpcService(DiscoverPersonas discover) {
    this.discover = discover;
  }

  @Override
  public void discoverPersonas(DiscoverPersonasRequest request,
      StreamObserver<io.cxhub.proto.persona.v1.PersonaDiscovery> response) {
    String tenant = TenantContext.require();
    response.onNext(toProto(discover.discover(tenant, request.getMaxK()), Map.of()));
    response.onCompleted();
  }

  @Override
  public void getPersonaDiscovery(GetPersonaDiscoveryRequest request,
      StreamObserver<io.cxhub.proto.persona.v1.PersonaDiscovery> response) {
    String tenant = TenantContext.require();
    var discovery = discover.get(tenant, request.getDiscoveryId());
    response.onNext(toProto(discovery, discover.adoptedPersonas(tenant)));
    response.onCompleted();
  }

  @Override
  public void listPersonaDiscoveries(ListPersonaDiscoveriesRequest request,
      StreamObserver<ListPersonaDiscoveriesResponse> response) {
    String tenant = TenantContext.require();
    var page = discover.list(tenant, request.getPageSize(), request.getPageToken());
    var adopted = discover.adoptedPersonas(tenant);
    var reply = ListPersonaDiscoveriesResponse.newBuilder().setNextPageToken(page.nextPageToken());
    page.discoveries().forEach(d -> reply.addDiscoveries(toProto(d, adopted)));
    response.onNext(reply.build());
    response.onCompleted();
  }

  @Override
  public void adoptPersonaProposal(AdoptPersonaProposalRequest request,
      StreamObserver<AdoptPersonaProposalResponse> response) {
    var adoption = discover.adopt(TenantContext.require(), request.getDiscoveryId(), request.getProposalId(),
        request.getName(), request.getDescription());
    response.onNext(AdoptPersonaProposalResponse.newBuilder()
        .setPersona(PersonaProtoMapper.toProto(adoption.persona()))
        .setAssignedCustomers(adoption.assigned()).build());
    response.onCompleted();
  }

  /** @param adopted persona ids adopted from proposals, by {@code discoveryId/proposalId} */
  static io.cxhub.proto.persona.v1.PersonaDiscovery toProto(PersonaDiscovery d, Map<String, String> adopted) {
    var b = io.cxhub.proto.persona.v1.PersonaDiscovery.newBuilder()
        .setDiscoveryId(d.discoveryId())
        .setCreateTime(ProtoTimestamps.toProto(d.createTime()))
        .setCustomers(d.customers())
        .setK(d.k())
        .setSilhouette(Double.isNaN(d.silhouette()) ? 0 : d.silhouette())
        .setExperienceAvailable(d.experienceAvailable());
    CustomerFeatures.FEATURES.forEach(f -> b.addFeatures(f.key()));
    for (var p : d.proposals()) {
      var proposal = PersonaProposal.newBuilder()
          .setProposalId(p.proposalId())
          .setSuggestedName(p.suggestedName())
          .setSize(p.size())
          .setShare(p.share())
          .addAllTraits(p.traits())
          .setNpsResponses(p.npsResponses())
          .setAverageClv(p.averageClv())
          .setRevenue(p.revenue())
          .setRadius(p.radius())
          .setAdoptedPersonaId(adopted.getOrDefault(d.discoveryId() + "/" + p.proposalId(), ""));
      for (double c : p.centroid()) {
        proposal.addCentroid(Math.round(c * 1000) / 1000.0);
      }
      if (!Double.isNaN(p.nps())) {
        proposal.setNps(p.nps());
      }
      if (!Double.isNaN(p.ease())) {
        proposal.setEase(p.ease());
      }
      if (!Double.isNaN(p.satisfaction())) {
        proposal.setSatisfaction(p.satisfaction());
      }
      b.addProposals(proposal);
    }
    return b.build();
  }
}
