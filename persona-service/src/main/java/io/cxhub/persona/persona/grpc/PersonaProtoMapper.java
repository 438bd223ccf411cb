package io.cxhub.persona.persona.grpc;

import com.google.protobuf.Timestamp;
import io.cxhub.persona.persona.Behavioral;
import io.cxhub.persona.persona.Channel;
import io.cxhub.persona.persona.Demographics;
import io.cxhub.persona.persona.Persona;
import io.cxhub.persona.persona.PersonaProfile;
import io.cxhub.persona.persona.Psychographics;
import io.cxhub.persona.persona.Transactional;
import java.time.Instant;
import java.util.List;

/**
 * Translates between the {@code cx.persona.v1} messages and the domain. Output-only
 * fields of a request (id, times) are not read, so a client cannot set them.
 */
final class PersonaProtoMapper {

  private PersonaProtoMapper() {}

  static PersonaProfile toProfile(io.cxhub.proto.persona.v1.Persona p) {
    var d = p.getDemographics();
    var s = p.getPsychographics();
    var t = p.getTransactional();
    var b = p.getBehavioral();
    return new PersonaProfile(
        p.getName(),
        p.getDescription(),
        new Demographics(d.getAgeMin(), d.getAgeMax(), d.getGendersList(), d.getIncomeBand(),
            d.getLocationsList(), d.getOccupation()),
        new Psychographics(s.getValuesList(), s.getOpinionsList(), s.getAspirationsList(),
            s.getInterestsList()),
        new Transactional(t.getPurchasesPerYear(), t.getAverageOrderValue(), t.getLifetimeValue(),
            t.getPreferredProductsList(), t.getServiceStatesList()),
        new Behavioral(b.getPreferredChannelsList().stream().map(PersonaProtoMapper::toChannel).toList(),
            b.getWebEngagement(), b.getSocialMediaProfile(), b.getDevicesList()),
        p.getGoalsList(),
        p.getNeedsList(),
        p.getFrustrationsList(),
        p.getMotivationsList());
  }

  static io.cxhub.proto.persona.v1.Persona toProto(Persona persona) {
    var p = persona.profile();
    var d = p.demographics();
    var s = p.psychographics();
    var t = p.transactional();
    var b = p.behavioral();
    return io.cxhub.proto.persona.v1.Persona.newBuilder()
        .setPersonaId(persona.id())
        .setName(p.name())
        .setDescription(p.description())
        .setDemographics(io.cxhub.proto.persona.v1.Demographics.newBuilder()
            .setAgeMin(d.ageMin())
            .setAgeMax(d.ageMax())
            .addAllGenders(d.genders())
            .setIncomeBand(d.incomeBand())
            .addAllLocations(d.locations())
            .setOccupation(d.occupation()))
        .setPsychographics(io.cxhub.proto.persona.v1.Psychographics.newBuilder()
            .addAllValues(s.values())
            .addAllOpinions(s.opinions())
            .addAllAspirations(s.aspirations())
            .addAllInterests(s.interests()))
        .setTransactional(io.cxhub.proto.persona.v1.Transactional.newBuilder()
            .setPurchasesPerYear(t.purchasesPerYear())
            .setAverageOrderValue(t.averageOrderValue())
            .setLifetimeValue(t.lifetimeValue())
            .addAllPreferredProducts(t.preferredProducts())
            .addAllServiceStates(t.serviceStates()))
        .setBehavioral(io.cxhub.proto.persona.v1.Behavioral.newBuilder()
            .addAllPreferredChannels(b.preferredChannels().stream().map(PersonaProtoMapper::toProto).toList())
            .setWebEngagement(b.webEngagement())
            .setSocialMediaProfile(b.socialMediaProfile())
            .addAllDevices(b.devices()))
        .addAllGoals(p.goals())
        .addAllNeeds(p.needs())
        .addAllFrustrations(p.frustrations())
        .addAllMotivations(p.motivations())
        .setCreateTime(timestamp(persona.createTime()))
        .setUpdateTime(timestamp(persona.updateTime()))
        .build();
  }

  static List<io.cxhub.proto.persona.v1.Persona> toProto(List<Persona> personas) {
    return personas.stream().map(PersonaProtoMapper::toProto).toList();
  }

  /** Unknown numbers (from a newer client) read as UNSPECIFIED, which validation rejects. */
  static Channel toChannel(io.cxhub.proto.common.v1.Channel channel) {
    return switch (channel) {
      case CHANNEL_UNSPECIFIED, UNRECOGNIZED -> Channel.UNSPECIFIED;
      case CHANNEL_LINK -> Channel.LINK;
      case CHANNEL_EMAIL -> Channel.EMAIL;
      case CHANNEL_SMS -> Channel.SMS;
      case CHANNEL_MESSAGING -> Channel.MESSAGING;
      case CHANNEL_IN_APP -> Channel.IN_APP;
      case CHANNEL_WEB_WIDGET -> Channel.WEB_WIDGET;
      case CHANNEL_CHATBOT -> Channel.CHATBOT;
      case CHANNEL_KIOSK -> Channel.KIOSK;
      case CHANNEL_QR -> Channel.QR;
      case CHANNEL_SOCIAL -> Channel.SOCIAL;
      case CHANNEL_REVIEW -> Channel.REVIEW;
      case CHANNEL_SUPPORT -> Channel.SUPPORT;
    };
  }

  static io.cxhub.proto.common.v1.Channel toProto(Channel channel) {
    return switch (channel) {
      case UNSPECIFIED -> io.cxhub.proto.common.v1.Channel.CHANNEL_UNSPECIFIED;
      case LINK -> io.cxhub.proto.common.v1.Channel.CHANNEL_LINK;
      case EMAIL -> io.cxhub.proto.common.v1.Channel.CHANNEL_EMAIL;
      case SMS -> io.cxhub.proto.common.v1.Channel.CHANNEL_SMS;
      case MESSAGING -> io.cxhub.proto.common.v1.Channel.CHANNEL_MESSAGING;
      case IN_APP -> io.cxhub.proto.common.v1.Channel.CHANNEL_IN_APP;
      case WEB_WIDGET -> io.cxhub.proto.common.v1.Channel.CHANNEL_WEB_WIDGET;
      case CHATBOT -> io.cxhub.proto.common.v1.Channel.CHANNEL_CHATBOT;
      case KIOSK -> io.cxhub.proto.common.v1.Channel.CHANNEL_KIOSK;
      case QR -> io.cxhub.proto.common.v1.Channel.CHANNEL_QR;
      case SOCIAL -> io.cxhub.proto.common.v1.Channel.CHANNEL_SOCIAL;
      case REVIEW -> io.cxhub.proto.common.v1.Channel.CHANNEL_REVIEW;
      case SUPPORT -> io.cxhub.proto.common.v1.Channel.CHANNEL_SUPPORT;
    };
  }

  private static Timestamp timestamp(Instant instant) {
    return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
  }
}
