package io.cxhub.persona.customer.grpc;

import io.cxhub.kit.grpc.ProtoChannels;
import io.cxhub.kit.grpc.ProtoTimestamps;
import io.cxhub.persona.customer.Customer;
import io.cxhub.persona.customer.CustomerActivity;
import io.cxhub.persona.customer.CustomerEvent;
import io.cxhub.persona.customer.CustomerValue;
import io.cxhub.persona.value.grpc.ValueGrpcMapper;
import io.cxhub.persona.customer.CustomerDirectory;
import io.cxhub.persona.customer.CustomerProfile;
import io.cxhub.proto.persona.v1.Consent;
import io.cxhub.proto.persona.v1.CustomerBehavioral;
import io.cxhub.proto.persona.v1.CustomerDemographics;
import io.cxhub.proto.persona.v1.CustomerPsychographics;
import io.cxhub.proto.persona.v1.CustomerTransactional;
import io.cxhub.proto.persona.v1.UpsertCustomerRequest;
import java.time.Instant;

/** Maps customers between the contract and the domain. */
final class CustomerProtoMapper {

  private CustomerProtoMapper() {}

  static CustomerDirectory.Upsert toUpsert(UpsertCustomerRequest r) {
    var d = r.getDemographics();
    var s = r.getPsychographics();
    var t = r.getTransactional();
    var b = r.getBehavioral();
    var c = r.getConsent();
    var profile = CustomerProfile.builder()
        .segment(r.getSegment())
        .personaId(r.getPersonaId())
        .email(r.getEmail())
        .displayName(r.getDisplayName())
        .demographics(new CustomerProfile.Demographics(d.getBirthYear(), d.getGender(), d.getIncomeBand(),
            d.getCountry(), d.getCity(), d.getOccupation()))
        .psychographics(new CustomerProfile.Psychographics(s.getValuesList(), s.getInterestsList(),
            s.getAspirationsList()))
        .transactional(new CustomerProfile.Transactional(t.getOrderCount(), t.getTotalSpent(), t.getCurrency(),
            t.hasFirstOrderTime() ? ProtoTimestamps.toInstant(t.getFirstOrderTime()) : null,
            t.hasLastOrderTime() ? ProtoTimestamps.toInstant(t.getLastOrderTime()) : null))
        .behavioral(new CustomerProfile.Behavioral(b.getWebSessions(), b.getDevicesList(),
            ProtoChannels.toDomain(b.getPreferredChannel())))
        .consent(new CustomerProfile.Consent(c.getEmail(), c.getSms(), c.getPhone(), c.getProfiling()))
        .externalIds(r.getExternalIdsMap())
        .build();
    return new CustomerDirectory.Upsert(r.getCustomerId(), profile);
  }

  static CustomerEvent toEvent(io.cxhub.proto.persona.v1.CustomerEvent e) {
    CustomerEvent.Kind kind = switch (e.getKind()) {
      case CUSTOMER_EVENT_KIND_ORDER -> CustomerEvent.Kind.ORDER;
      case CUSTOMER_EVENT_KIND_CONTACT -> CustomerEvent.Kind.CONTACT;
      default -> null;
    };
    return new CustomerEvent(e.getEventId(), e.getCustomerId(), kind,
        e.hasOccurTime() ? ProtoTimestamps.toInstant(e.getOccurTime()) : null, e.getAmount(), e.getCurrency(),
        ProtoChannels.toDomain(e.getChannel()).name(), e.getLocalWeekday(), e.getLocalHour());
  }

  static io.cxhub.proto.persona.v1.Customer toProto(Customer customer) {
    var p = customer.profile();
    var d = p.demographics();
    var s = p.psychographics();
    var t = p.transactional();
    var b = p.behavioral();
    var c = p.consent();
    var transactional = CustomerTransactional.newBuilder()
        .setOrderCount(t.orderCount())
        .setTotalSpent(t.totalSpent())
        .setCurrency(t.currency())
        .setAverageBasket(t.orderCount() == 0 ? 0 : t.totalSpent() / t.orderCount());
    setTime(t.firstOrderTime(), transactional::setFirstOrderTime);
    setTime(t.lastOrderTime(), transactional::setLastOrderTime);
    var reply = io.cxhub.proto.persona.v1.Customer.newBuilder()
        .setCustomerId(customer.customerId())
        .setSegment(p.segment())
        .setPersonaId(p.personaId())
        .addAllSegmentIds(customer.segmentIds())
        .setAssignedPersonaId(customer.assignedPersona() == null ? "" : customer.assignedPersona().personaId())
        .setPersonaConfidence(customer.assignedPersona() == null ? 0 : customer.assignedPersona().confidence())
        .setEmail(p.email())
        .setDisplayName(p.displayName())
        .setDemographics(CustomerDemographics.newBuilder()
            .setBirthYear(d.birthYear()).setGender(d.gender()).setIncomeBand(d.incomeBand())
            .setCountry(d.country()).setCity(d.city()).setOccupation(d.occupation()))
        .setPsychographics(CustomerPsychographics.newBuilder()
            .addAllValues(s.values()).addAllInterests(s.interests()).addAllAspirations(s.aspirations()))
        .setTransactional(transactional)
        .setBehavioral(CustomerBehavioral.newBuilder()
            .setWebSessions(b.webSessions()).addAllDevices(b.devices())
            .setPreferredChannel(ProtoChannels.toProto(b.preferredChannel())))
        .setConsent(Consent.newBuilder().setEmail(c.email()).setSms(c.sms()).setPhone(c.phone())
            .setProfiling(c.profiling()))
        .putAllExternalIds(p.externalIds())
        .setCreateTime(ProtoTimestamps.toProto(customer.createTime()))
        .setUpdateTime(ProtoTimestamps.toProto(customer.updateTime()))
        .setActivity(toProto(customer.activity()));
    customer.valueIfComputed().ifPresent(v -> reply.setValue(toProto(v)));
    return reply.build();
  }

  static io.cxhub.proto.persona.v1.CustomerValue toProto(CustomerValue v) {
    var value = io.cxhub.proto.persona.v1.CustomerValue.newBuilder()
        .setRecencyDays(v.recencyDays()).setFrequency(v.frequency()).setMonetary(v.monetary())
        .setRScore(v.r()).setFScore(v.f()).setMScore(v.m())
        .setTier(ValueGrpcMapper.toProto(v.tier())).setClv(v.clv());
    setTime(v.computeTime(), value::setComputeTime);
    return value.build();
  }

  static io.cxhub.proto.persona.v1.CustomerActivity toProto(CustomerActivity a) {
    var activity = io.cxhub.proto.persona.v1.CustomerActivity.newBuilder()
        .setOrders(a.orders()).setSpent(a.spent())
        .putAllContactsByChannel(a.contactsByChannel())
        .putAllContactsByWeekday(a.contactsByWeekday())
        .putAllContactsByHour(a.contactsByHour())
        .setPreferredChannel(a.preferredChannel());
    setTime(a.firstOrder(), activity::setFirstOrderTime);
    setTime(a.lastOrder(), activity::setLastOrderTime);
    return activity.build();
  }

  private static void setTime(Instant instant, java.util.function.Consumer<com.google.protobuf.Timestamp> setter) {
    if (instant != null) {
      setter.accept(ProtoTimestamps.toProto(instant));
    }
  }
}
