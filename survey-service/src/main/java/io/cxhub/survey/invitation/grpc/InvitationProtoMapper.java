package io.cxhub.survey.invitation.grpc;

import com.google.protobuf.Duration;
import io.cxhub.kit.grpc.ProtoChannels;
import io.cxhub.kit.grpc.ProtoTimestamps;
import io.cxhub.proto.survey.v1.Campaign;
import io.cxhub.proto.survey.v1.CampaignReport;
import io.cxhub.proto.survey.v1.CampaignStats;
import io.cxhub.proto.survey.v1.ChannelStats;
import io.cxhub.proto.survey.v1.DistributionStats;
import io.cxhub.proto.survey.v1.Invitation;
import io.cxhub.proto.survey.v1.InvitationStats;
import io.cxhub.proto.survey.v1.InvitationStatus;
import io.cxhub.proto.survey.v1.ReminderStatus;
import io.cxhub.proto.survey.v1.ResponseRates;
import io.cxhub.proto.survey.v1.SendAttempt;
import io.cxhub.survey.invitation.CampaignReports;
import java.time.Instant;

/** Maps invitation domain values to their messages. */
final class InvitationProtoMapper {

  private InvitationProtoMapper() {}

  static Campaign toProto(io.cxhub.survey.invitation.Campaign c) {
    var b = Campaign.newBuilder()
        .setCampaignId(c.campaignId())
        .setDistributionId(c.distributionId())
        .setSurveyId(c.surveyId())
        .setName(c.name())
        .setChannel(ProtoChannels.toProto(c.channel()))
        .setSubject(c.subject())
        .setMessage(c.message())
        .setLanguage(c.language())
        .setInvitationCount(c.invitationCount())
        .setCreateTime(ProtoTimestamps.toProto(c.createTime()));
    c.reminder().ifPresent(d -> b.setReminderAfter(duration(d)));
    return b.build();
  }

  static java.time.Duration toDomain(Duration d) {
    return java.time.Duration.ofSeconds(d.getSeconds(), d.getNanos());
  }

  static Invitation toProto(io.cxhub.survey.invitation.Invitation i) {
    var b = Invitation.newBuilder()
        .setInvitationId(i.invitationId())
        .setCampaignId(i.campaignId())
        .setCustomerId(i.customerId())
        .setChannel(ProtoChannels.toProto(i.channel()))
        .setAddress(i.maskedAddress())
        .setStatus(InvitationStatus.valueOf("INVITATION_STATUS_" + i.status().name()))
        .setReminderStatus(ReminderStatus.valueOf("REMINDER_STATUS_" + i.reminderStatus().name()))
        .setResponseId(i.responseId())
        .setLastError(i.lastError());
    set(i.sentAt(), b::setSentTime);
    set(i.openedAt(), b::setOpenTime);
    set(i.respondedAt(), b::setRespondTime);
    set(i.reminderAt(), b::setReminderTime);
    for (var a : i.attempts()) {
      b.addAttempts(SendAttempt.newBuilder()
          .setTime(ProtoTimestamps.toProto(a.at()))
          .setMessage(a.kind().wireName())
          .setOutcome(a.outcome())
          .setError(a.error()));
    }
    return b.build();
  }

  static CampaignReport toProto(CampaignReports.Report report) {
    var b = CampaignReport.newBuilder()
        .setCampaignId(report.campaign().campaignId())
        .setTotal(toProto(report.total()));
    report.byChannel().forEach(g -> b.addByChannel(ChannelStats.newBuilder()
        .setChannel(ProtoChannels.toProto(g.key())).setStats(toProto(g.stats()))));
    return b.build();
  }

  static ResponseRates toProto(CampaignReports.Rates rates) {
    var b = ResponseRates.newBuilder().setSurveyId(rates.surveyId()).setTotal(toProto(rates.total()));
    rates.byDistribution().forEach(g -> b.addByDistribution(DistributionStats.newBuilder()
        .setDistributionId(g.key()).setStats(toProto(g.stats()))));
    rates.byCampaign().forEach(g -> b.addByCampaign(CampaignStats.newBuilder()
        .setCampaignId(g.key().campaignId())
        .setDistributionId(g.key().distributionId())
        .setName(g.key().name())
        .setStats(toProto(g.stats()))));
    rates.byChannel().forEach(g -> b.addByChannel(ChannelStats.newBuilder()
        .setChannel(ProtoChannels.toProto(g.key())).setStats(toProto(g.stats()))));
    return b.build();
  }

  static InvitationStats toProto(io.cxhub.survey.invitation.InvitationStats s) {
    var b = InvitationStats.newBuilder()
        .setInvited(s.invited())
        .setSent(s.sent())
        .setDelivered(s.delivered())
        .setBounced(s.bounced())
        .setFailed(s.failed())
        .setSuppressed(s.suppressed())
        .setQueued(s.queued())
        .setOpened(s.opened())
        .setResponded(s.responded())
        .setReminded(s.reminded())
        .setResponseRate(s.responseRate())
        .setOpenRate(s.openRate());
    if (s.medianTimeToRespond() != null) {
      b.setMedianTimeToRespond(duration(s.medianTimeToRespond()))
          .setP90TimeToRespond(duration(s.p90TimeToRespond()))
          .setMeanTimeToRespond(duration(s.meanTimeToRespond()));
    }
    return b.build();
  }

  private static Duration duration(java.time.Duration d) {
    return Duration.newBuilder().setSeconds(d.getSeconds()).setNanos(d.getNano()).build();
  }

  private static void set(Instant instant, java.util.function.Consumer<com.google.protobuf.Timestamp> setter) {
    if (instant != null) {
      setter.accept(ProtoTimestamps.toProto(instant));
    }
  }
}
