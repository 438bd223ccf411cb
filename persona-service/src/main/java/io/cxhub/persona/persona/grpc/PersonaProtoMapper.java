package io.cxhub.persona.persona.grpc;

import io.cxhub.kit.grpc.ProtoChannels;
import io.cxhub.kit.grpc.ProtoTimestamps;
import io.cxhub.persona.persona.Behavioral;
import io.cxhub.persona.persona.Demographics;
import io.cxhub.persona.persona.Persona;
import io.cxhub.persona.persona.PersonaProfile;
import io.cxhub.persona.persona.Psychographics;
import io.cxhub.persona.persona.Transactional;
import java.util.List;

/**
 * Translates between the {@code cx.persona.v1} messages and the domain. Output-only
 * fields of a request (id, times) are not read, so a client cannot set them. A channel
 * number unknown to this version reads as UNSPECIFIED, which validation rejects.
 */
public final class PersonaProtoMapper {

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
        new Behavioral(b.getPreferredChannelsList().stream().map(ProtoChannels::toDomain).toList(),
            b.getWebEngagement(), b.getSocialMediaProfile(), b.getDevicesList()),
        p.getGoalsList(),
        p.getNeedsList(),
        p.getFrustrationsList(),
        p.getMotivationsList());
  }

  public static io.cxhub.proto.persona.v1.Persona toProto(Persona persona) {
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
            .addAllPreferredChannels(b.preferredChannels().stream().map(ProtoChannels::toProto).toList())
            .setWebEngagement(b.webEngagement())
            .setSocialMediaProfile(b.socialMediaProfile())
            .addAllDevices(b.devices()))
        .addAllGoals(p.goals())
        .addAllNeeds(p.needs())
        .addAllFrustrations(p.frustrations())
        .addAllMotivations(p.motivations())
        .setCreateTime(ProtoTimestamps.toProto(persona.createTime()))
        .setUpdateTime(ProtoTimestamps.toProto(persona.updateTime()))
        .setEtag(persona.etag())
        .build();
  }

  static List<io.cxhub.proto.persona.v1.Persona> toProto(List<Persona> personas) {
    return personas.stream().map(PersonaProtoMapper::toProto).toList();
  }
}
