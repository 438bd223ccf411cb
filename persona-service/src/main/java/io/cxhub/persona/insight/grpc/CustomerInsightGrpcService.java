package io.cxhub.persona.insight.grpc;

import io.cxhub.kit.tenant.TenantContext;
import io.cxhub.persona.insight.CardNarrative;
import io.cxhub.persona.insight.ContactPatterns;
import io.cxhub.persona.insight.CustomerCard;
import io.cxhub.persona.insight.CustomerInsights;
import io.cxhub.persona.insight.Narratives;
import io.cxhub.persona.insight.Score;
import io.cxhub.persona.insight.Scores;
import io.cxhub.proto.common.v1.DateRange;
import io.cxhub.proto.metrics.v1.ConfidenceInterval;
import io.cxhub.proto.metrics.v1.ScoreValue;
import io.cxhub.proto.persona.v1.CardSubject;
import io.cxhub.proto.persona.v1.ChannelShare;
import io.cxhub.proto.persona.v1.ContactCell;
import io.cxhub.proto.persona.v1.CustomerInsightServiceGrpc;
import io.cxhub.proto.persona.v1.GetContactPatternsRequest;
import io.cxhub.proto.persona.v1.GetPersonaCardRequest;
import io.cxhub.proto.persona.v1.GetSegmentCardRequest;
import io.cxhub.proto.persona.v1.SegmentEffort;
import io.cxhub.proto.persona.v1.SlotCount;
import io.cxhub.proto.persona.v1.TierCount;
import io.cxhub.proto.persona.v1.UpdateCardNarrativeRequest;
import io.grpc.stub.StreamObserver;
import org.springframework.stereotype.Service;

/** The cx.persona.v1.CustomerInsightService endpoint (tenant-scoped). */
@Service
class CustomerInsightGrpcService extends CustomerInsightServiceGrpc.CustomerInsightServiceImplBase {

  private final CustomerInsights insights;

  CustomerInsightGrpcService(CustomerInsights insights) {
    this.insights = insights;
  }

  @Override
  public void getPersonaCard(GetPersonaCardRequest request, StreamObserver<io.cxhub.proto.persona.v1.CustomerCard> response) {
    response.onNext(toProto(insights.personaCard(TenantContext.require(), request.getPersonaId(),
        request.getPeriod().getStartDate(), request.getPeriod().getEndDate())));
    response.onCompleted();
  }

  @Override
  public void getSegmentCard(GetSegmentCardRequest request, StreamObserver<io.cxhub.proto.persona.v1.CustomerCard> response) {
    response.onNext(toProto(insights.segmentCard(TenantContext.require(), request.getSegmentId(),
        request.getPeriod().getStartDate(), request.getPeriod().getEndDate())));
    response.onCompleted();
  }

  @Override
  public void updateCardNarrative(UpdateCardNarrativeRequest request,
      StreamObserver<io.cxhub.proto.persona.v1.CardNarrative> response) {
    var n = request.getNarrative();
    var saved = insights.updateNarrative(TenantContext.require(), request.getSubject(), request.getSubjectId(),
        new CardNarrative(n.getGoalsList(), n.getNeedsList(), n.getFrustrationsList(), n.getMotivationsList()));
    response.onNext(toProto(saved));
    response.onCompleted();
  }

  @Override
  public void getContactPatterns(GetContactPatternsRequest request,
      StreamObserver<io.cxhub.proto.persona.v1.ContactPatterns> response) {
    ContactPatterns p = insights.contactPatterns(TenantContext.require(), request.getSegmentId(),
        request.getPeriod().getStartDate(), request.getPeriod().getEndDate());
    var reply = io.cxhub.proto.persona.v1.ContactPatterns.newBuilder()
        .setScoresAvailable(p.scoresAvailable())
        .setPeriod(DateRange.newBuilder().setStartDate(p.from().toString()).setEndDate(p.to().toString()));
    p.cells().forEach(c -> reply.addCells(ContactCell.newBuilder().setSegment(c.segment()).setChannel(c.channel())
        .setWeekday(c.weekday()).setHour(c.hour()).setContacts(c.contacts())));
    p.segments().forEach(s -> {
      var effort = SegmentEffort.newBuilder().setSegment(s.segment()).setCustomers(s.customers())
          .setContacts(s.contacts()).setContactsPerCustomer(s.contactsPerCustomer());
      if (s.ces() != null) {
        effort.setCes(toProto(s.ces()));
      }
      reply.addSegments(effort);
    });
    response.onNext(reply.build());
    response.onCompleted();
  }

  static io.cxhub.proto.persona.v1.CustomerCard toProto(CustomerCard c) {
    var b = io.cxhub.proto.persona.v1.CustomerCard.newBuilder()
        .setSubject(c.subject() == Narratives.Subject.PERSONA ? CardSubject.CARD_SUBJECT_PERSONA
            : CardSubject.CARD_SUBJECT_SEGMENT)
        .setSubjectId(c.subjectId())
        .setName(c.name())
        .setSize(c.size())
        .setShare(c.share())
        .setRevenue(c.revenue())
        .setAverageClv(c.averageClv())
        .setScoresAvailable(c.scoresAvailable())
        .setPeriod(DateRange.newBuilder().setStartDate(c.from().toString()).setEndDate(c.to().toString()))
        .setNarrative(toProto(c.narrative()));
    c.tiers().forEach((tier, n) -> b.addTiers(TierCount.newBuilder().setTier(tier).setCustomers(n)));
    var nps = c.scores().get(Scores.Metric.NPS);
    if (nps != null) {
      b.setNps(toProto(nps));
    }
    var csat = c.scores().get(Scores.Metric.CSAT);
    if (csat != null) {
      b.setCsat(toProto(csat));
    }
    var ces = c.scores().get(Scores.Metric.CES);
    if (ces != null) {
      b.setCes(toProto(ces));
    }
    long preferring = c.preferredChannels().stream().mapToLong(java.util.Map.Entry::getValue).sum();
    c.preferredChannels().forEach(e -> b.addPreferredChannels(ChannelShare.newBuilder().setChannel(e.getKey())
        .setCustomers(e.getValue()).setShare(preferring == 0 ? 0 : e.getValue() / (double) preferring)));
    c.contactsByWeekday().forEach((d, n) -> b.addContactsByWeekday(SlotCount.newBuilder().setSlot(d).setContacts(n)));
    c.contactsByHour().forEach((h, n) -> b.addContactsByHour(SlotCount.newBuilder().setSlot(h).setContacts(n)));
    return b.build();
  }

  static io.cxhub.proto.persona.v1.CardNarrative toProto(CardNarrative n) {
    return io.cxhub.proto.persona.v1.CardNarrative.newBuilder().addAllGoals(n.goals()).addAllNeeds(n.needs())
        .addAllFrustrations(n.frustrations()).addAllMotivations(n.motivations()).build();
  }

  static ScoreValue toProto(Score s) {
    return ScoreValue.newBuilder().setN(s.n()).setValue(s.value())
        .setInterval(ConfidenceInterval.newBuilder().setLow(s.low()).setHigh(s.high()))
        .setMarginOfError(s.marginOfError()).setLowSample(s.lowSample()).setMean(s.mean())
        .setScaleMin(s.scaleMin()).setScaleMax(s.scaleMax())
        .setFavourable(s.favourable()).setPassives(s.passives()).setUnfavourable(s.unfavourable()).build();
  }
}
